package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.gateway.social.JsonFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Cloud API webhooks ({@code object: whatsapp_business_account}): {@code entry[].changes[]} with
 * {@code field: messages}. A customer's message becomes an inbound message keyed by its {@code wamid}, in the
 * conversation {@code <phone-number-id>:<wa_id>}; {@code statuses} of our replies become receipts (sent, delivered
 * and read, failed with Meta's error). Other fields and message types (reactions, system, unsupported) are ignored.
 */
final class WhatsAppEvents {

    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    private WhatsAppEvents() {
    }

    /**
     * @param mediaRoot where a media id is looked up with the access token ({@code <graph>/<version>/}); the media's
     *                  download URL is only given there
     */
    static void read(JsonNode root, String mediaRoot, MetaBatch batch) {
        int i = 0;
        for (JsonNode entry : JsonFields.array(root, "entry", "")) {
            String entryPath = "entry[" + i++ + "]";
            int j = 0;
            for (JsonNode change : JsonFields.array(entry, "changes", entryPath)) {
                String path = entryPath + ".changes[" + j++ + "]";
                if (!"messages".equals(change.path("field").asText()) || !change.path("value").isObject()) {
                    batch.ignore();
                    continue;
                }
                value(change.get("value"), path + ".value", mediaRoot, batch);
            }
        }
    }

    private static void value(JsonNode value, String path, String mediaRoot, MetaBatch batch) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            String name = JsonFields.text(contact.path("profile"), "name");
            if (name != null && JsonFields.text(contact, "wa_id") != null) {
                names.put(contact.get("wa_id").asText(), name);
            }
        }
        int k = 0;
        for (JsonNode message : JsonFields.array(value, "messages", path)) {
            message(message, path + ".messages[" + k++ + "]", value, names, mediaRoot, batch);
        }
        k = 0;
        for (JsonNode status : JsonFields.array(value, "statuses", path)) {
            status(status, path + ".statuses[" + k++ + "]", batch);
        }
    }

    private static void message(JsonNode message, String path, JsonNode value, Map<String, String> names,
                                String mediaRoot, MetaBatch batch) {
        String id = JsonFields.required(message, "id", path);
        String from = JsonFields.required(message, "from", path);
        String phoneNumberId = JsonFields.required(value.path("metadata"), "phone_number_id",
                path.substring(0, path.lastIndexOf(".messages[")) + ".metadata");
        String displayNumber = JsonFields.text(value.path("metadata"), "display_phone_number");
        String type = message.path("type").asText("");
        String text = null;
        List<AttachmentMetadata> attachments = new ArrayList<>();
        if ("text".equals(type)) {
            text = JsonFields.text(message.path("text"), "body");
        } else if (MEDIA.contains(type) && message.path(type).isObject()) {
            JsonNode media = message.get(type);
            text = JsonFields.text(media, "caption");
            String mediaId = JsonFields.text(media, "id");
            if (mediaId != null) {
                String name = JsonFields.text(media, "filename");
                attachments.add(new AttachmentMetadata(name != null ? name : type + "-" + mediaId,
                        JsonFields.text(media, "mime_type"), 0, hexSha256(JsonFields.text(media, "sha256")),
                        mediaRoot + mediaId));
            }
        } else if ("interactive".equals(type)) {
            JsonNode interactive = message.path("interactive");
            text = JsonFields.text(interactive.path(interactive.path("type").asText("button_reply")), "title");
        } else if ("button".equals(type)) {
            text = JsonFields.text(message.path("button"), "text");
        } else if ("location".equals(type)) {
            text = location(message.path("location"));
        }
        if (text == null && attachments.isEmpty()) {
            // Reactions, system notices, unsupported content: nothing for an agent to answer.
            batch.ignore();
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("phoneNumberId", phoneNumberId);
        metadata.put("messageType", type);
        String replyTo = JsonFields.text(message.path("context"), "id");
        if (replyTo != null) {
            metadata.put("replyTo", replyTo);
        }
        String inbox = displayNumber != null ? displayNumber : phoneNumberId;
        batch.add(new InboundMessage(id, Channel.WHATSAPP, inbox, new Participant(from, names.get(from)),
                List.of(new Participant(inbox, null)),
                new ThreadReferences(null, null, List.of(), null, phoneNumberId + ":" + from),
                null, text, null, attachments, JsonFields.epoch(message, "timestamp", false), Instant.now(), metadata));
    }

    private static void status(JsonNode status, String path, MetaBatch batch) {
        String id = JsonFields.required(status, "id", path);
        String state = JsonFields.required(status, "status", path).toLowerCase(Locale.ROOT);
        switch (state) {
            case "sent":
                batch.add(new MetaBatch.StatusUpdate(Channel.WHATSAPP, id, DeliveryStatus.SENT, null));
                break;
            case "delivered":
            case "read":
                // Read implies delivered: it stands in for a delivered status that was lost.
                batch.add(new MetaBatch.StatusUpdate(Channel.WHATSAPP, id, DeliveryStatus.DELIVERED, null));
                break;
            case "failed":
                batch.add(new MetaBatch.StatusUpdate(Channel.WHATSAPP, id, DeliveryStatus.FAILED,
                        failure(status.path("errors"))));
                break;
            default:
                batch.ignore();
                break;
        }
    }

    /** "WhatsApp failed (error 131026): Message undeliverable: <details>" from the first error Meta gives. */
    private static String failure(JsonNode errors) {
        JsonNode error = errors.path(0);
        String code = JsonFields.text(error, "code");
        String title = JsonFields.text(error, "title");
        String message = JsonFields.text(error, "message");
        String details = JsonFields.text(error.path("error_data"), "details");
        StringBuilder reason = new StringBuilder("WhatsApp failed");
        if (code != null) {
            reason.append(" (error ").append(code).append(')');
        }
        String what = title != null ? title : message;
        if (what != null) {
            reason.append(": ").append(what);
        }
        if (details != null && !details.equals(what)) {
            reason.append(": ").append(details);
        }
        return reason.toString();
    }

    private static String location(JsonNode location) {
        String latitude = JsonFields.text(location, "latitude");
        String longitude = JsonFields.text(location, "longitude");
        if (latitude == null || longitude == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("Location: ").append(latitude).append(',').append(longitude);
        String name = JsonFields.text(location, "name");
        String address = JsonFields.text(location, "address");
        if (name != null) {
            text.append(" (").append(name).append(address != null ? ", " + address : "").append(')');
        } else if (address != null) {
            text.append(" (").append(address).append(')');
        }
        return text.toString();
    }

    /** Meta gives the media's SHA-256 in Base64; the contract wants hex. Anything else is left out. */
    private static String hexSha256(String sha256) {
        if (sha256 == null) {
            return null;
        }
        if (sha256.matches("[0-9a-fA-F]{64}")) {
            return sha256.toLowerCase(Locale.ROOT);
        }
        try {
            byte[] digest = Base64.getDecoder().decode(sha256);
            return digest.length == 32 ? HexFormat.of().formatHex(digest) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
