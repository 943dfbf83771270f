package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.gateway.social.JsonFields;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messenger ({@code object: page}) and Instagram ({@code object: instagram}) webhooks: {@code entry[].messaging[]}
 * events. A customer's message becomes an inbound message keyed by its {@code mid}, in the conversation
 * {@code <page or account id>:<sender id>}; a {@code delivery} event marks our replies DELIVERED. Echoes of the
 * page's own messages (our replies among them), reads, reactions, postbacks and the like are ignored.
 */
final class MessagingEvents {

    private MessagingEvents() {
    }

    static void read(JsonNode root, String channel, String accountMetadataKey, MetaBatch batch) {
        int i = 0;
        for (JsonNode entry : JsonFields.array(root, "entry", "")) {
            String entryPath = "entry[" + i++ + "]";
            // Entries without messaging carry other fields (comments, standby threads): not messages to us.
            if (!entry.path("messaging").isArray()) {
                batch.ignore();
                continue;
            }
            int j = 0;
            for (JsonNode event : entry.get("messaging")) {
                String path = entryPath + ".messaging[" + j++ + "]";
                if (event.path("message").isObject()) {
                    message(event, path, channel, accountMetadataKey, JsonFields.text(entry, "id"), batch);
                } else if (event.path("delivery").isObject()) {
                    for (JsonNode mid : JsonFields.array(event.get("delivery"), "mids", path + ".delivery")) {
                        batch.add(new MetaBatch.StatusUpdate(channel, mid.asText(), DeliveryStatus.DELIVERED, null));
                    }
                } else {
                    batch.ignore();
                }
            }
        }
    }

    private static void message(JsonNode event, String path, String channel, String accountMetadataKey,
                                String entryId, MetaBatch batch) {
        JsonNode message = event.get("message");
        if (message.path("is_echo").asBoolean() || message.path("is_deleted").asBoolean()) {
            batch.ignore();
            return;
        }
        String mid = JsonFields.required(message, "mid", path + ".message");
        String sender = JsonFields.required(event.path("sender"), "id", path + ".sender");
        String account = JsonFields.text(event.path("recipient"), "id");
        account = account != null ? account : entryId;
        String text = JsonFields.text(message, "text");
        List<AttachmentMetadata> attachments = attachments(message);
        if (text == null && attachments.isEmpty()) {
            // Nothing a person wrote (e.g. an unsupported attachment type): acknowledged, not published.
            batch.ignore();
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (account != null) {
            metadata.put(accountMetadataKey, account);
        }
        putIfPresent(metadata, "replyTo", JsonFields.text(message.path("reply_to"), "mid"));
        putIfPresent(metadata, "quickReplyPayload", JsonFields.text(message.path("quick_reply"), "payload"));
        Instant receivedAt = JsonFields.epoch(event, "timestamp", true);
        batch.add(new InboundMessage(mid, channel, account, new Participant(sender, null),
                account == null ? List.of() : List.of(new Participant(account, null)),
                new ThreadReferences(null, null, List.of(), null, (account == null ? "" : account + ":") + sender),
                null, text, null, attachments, receivedAt, Instant.now(), metadata));
    }

    /** Attachments that point somewhere (image, video, audio, file, fallback links); the bytes stay at Meta's CDN. */
    private static List<AttachmentMetadata> attachments(JsonNode message) {
        List<AttachmentMetadata> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            String url = JsonFields.text(attachment.path("payload"), "url");
            if (url == null) {
                continue;
            }
            String type = attachment.path("type").asText("file");
            attachments.add(new AttachmentMetadata(nameOf(url, type), null, 0, null, url));
        }
        return attachments;
    }

    /** The file name in a CDN URL ({@code .../123_n.jpg?...}), else the attachment's type. */
    private static String nameOf(String url, String type) {
        try {
            String path = URI.create(url).getPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            return last.isBlank() ? type : last;
        } catch (IllegalArgumentException e) {
            return type;
        }
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
