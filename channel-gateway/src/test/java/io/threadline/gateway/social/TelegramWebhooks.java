package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** Updates posted to the test bot's webhook the way Telegram posts them, with the bot's secret token. */
final class TelegramWebhooks {

    /** %test values of application.properties: bot "support", id 7000001. */
    static final String PATH = "/webhooks/telegram/support";
    static final String BOT_ID = "7000001";
    static final String SECRET = "test-telegram-secret";
    private static final AtomicLong UPDATES = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    private TelegramWebhooks() {
    }

    static ValidatableResponse signed(String update) {
        return post(PATH, update, SECRET);
    }

    static ValidatableResponse post(String path, String update, String secret) {
        var request = given().contentType("application/json").body(update);
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return request.post(path).then();
    }

    static long chatId() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
    }

    /** An update carrying a private message with the given fields after {@code date}, e.g. {@code "text":"hi"}. */
    static String message(long chatId, long messageId, String fields) {
        return """
                {"update_id":%d,"message":{"message_id":%d,
                 "from":{"id":%d,"is_bot":false,"first_name":"Ann","last_name":"Lee","username":"annlee","language_code":"en"},
                 "chat":{"id":%d,"first_name":"Ann","last_name":"Lee","username":"annlee","type":"private"},
                 "date":1762000000,%s}}""".formatted(UPDATES.incrementAndGet(), messageId, chatId, chatId, fields);
    }

    static String text(long chatId, long messageId, String text) {
        return message(chatId, messageId, "\"text\":\"" + text + "\"");
    }

    static String providerId(long chatId, long messageId) {
        return BOT_ID + ":" + chatId + ":" + messageId;
    }

    static JsonNode publishedOnce(String providerMessageId) {
        return InboundTopic.only(published(providerMessageId));
    }

    static List<ConsumerRecord<String, String>> published(String providerMessageId) {
        return InboundTopic.recordsOf(providerMessageId);
    }
}
