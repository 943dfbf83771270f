package io.threadline.gateway.social.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.gateway.social.JsonFields;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Telegram {@link <a href="https://core.telegram.org/bots/api#update">Update</a>} sent to a bot's webhook.
 * A {@code message} with text, a caption or a file becomes an inbound message: provider id
 * {@code <bot id>:<chat id>:<message id>} (message ids count per chat and bot), conversation
 * {@code <bot id>:<chat id>}, sender the user's id with their name. Other updates (edits, button presses, members
 * joining), messages from bots and messages with nothing to read (stickers, service notices) are empty.
 */
final class TelegramUpdates {

    /** Message fields that hold one file: {file_id, file_unique_id, file_name?, mime_type?, file_size?}. */
    private static final List<String> FILES = List.of("document", "video", "audio", "voice", "video_note");

    private TelegramUpdates() {
    }

    static Optional<InboundMessage> read(JsonNode update, TelegramBots.Bot bot) {
        String updateId = JsonFields.required(update, "update_id", "");
        JsonNode message = update.get("message");
        if (message == null || !message.isObject()) {
            return Optional.empty();
        }
        String messageId = JsonFields.required(message, "message_id", "message");
        JsonNode chat = message.path("chat");
        String chatId = JsonFields.required(chat, "id", "message.chat");
        JsonNode from = message.path("from");
        if (from.path("is_bot").asBoolean()) {
            return Optional.empty();
        }
        String text = JsonFields.text(message, "text");
        text = text != null ? text : JsonFields.text(message, "caption");
        List<AttachmentMetadata> attachments = attachments(message, bot);
        if (text == null && attachments.isEmpty()) {
            return Optional.empty();
        }
        String sender = JsonFields.text(from, "id");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("updateId", updateId);
        metadata.put("botId", bot.id());
        putIfPresent(metadata, "chatType", JsonFields.text(chat, "type"));
        putIfPresent(metadata, "username", JsonFields.text(from, "username"));
        putIfPresent(metadata, "replyTo", JsonFields.text(message.path("reply_to_message"), "message_id"));
        return Optional.of(new InboundMessage(bot.id() + ":" + chatId + ":" + messageId, Channel.TELEGRAM, bot.name(),
                new Participant(sender != null ? sender : chatId, nameOf(from)), List.of(),
                new ThreadReferences(null, null, List.of(), null, bot.id() + ":" + chatId), null, text, null,
                attachments, JsonFields.epoch(message, "date", false), Instant.now(), metadata));
    }

    /**
     * The largest size of a photo and any single file. The bytes stay at Telegram: {@code location} is
     * {@code telegram-file:<bot id>/<file_id>}, for the Bot API's getFile with that bot's token.
     */
    private static List<AttachmentMetadata> attachments(JsonNode message, TelegramBots.Bot bot) {
        List<AttachmentMetadata> attachments = new ArrayList<>();
        JsonNode photo = message.path("photo");
        if (photo.isArray() && !photo.isEmpty()) {
            JsonNode largest = photo.get(photo.size() - 1);
            String fileId = JsonFields.text(largest, "file_id");
            if (fileId != null) {
                attachments.add(new AttachmentMetadata("photo-" + uniqueId(largest, fileId) + ".jpg", "image/jpeg",
                        largest.path("file_size").asLong(0), null, location(bot, fileId)));
            }
        }
        for (String field : FILES) {
            JsonNode file = message.path(field);
            String fileId = JsonFields.text(file, "file_id");
            if (fileId == null) {
                continue;
            }
            String name = JsonFields.text(file, "file_name");
            attachments.add(new AttachmentMetadata(name != null ? name : field + "-" + uniqueId(file, fileId),
                    JsonFields.text(file, "mime_type"), file.path("file_size").asLong(0), null, location(bot, fileId)));
        }
        return attachments;
    }

    private static String uniqueId(JsonNode file, String fileId) {
        String unique = JsonFields.text(file, "file_unique_id");
        return unique != null ? unique : fileId;
    }

    private static String location(TelegramBots.Bot bot, String fileId) {
        return "telegram-file:" + bot.id() + "/" + fileId;
    }

    private static String nameOf(JsonNode from) {
        String first = JsonFields.text(from, "first_name");
        String last = JsonFields.text(from, "last_name");
        if (first == null) {
            return last;
        }
        return last == null ? first : first + " " + last;
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
