package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.SocialApiResource;
import io.threadline.testsupport.InfrastructureResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static io.threadline.gateway.social.TelegramWebhooks.BOT_ID;
import static io.threadline.gateway.social.TelegramWebhooks.PATH;
import static io.threadline.gateway.social.TelegramWebhooks.chatId;
import static io.threadline.gateway.social.TelegramWebhooks.message;
import static io.threadline.gateway.social.TelegramWebhooks.post;
import static io.threadline.gateway.social.TelegramWebhooks.providerId;
import static io.threadline.gateway.social.TelegramWebhooks.published;
import static io.threadline.gateway.social.TelegramWebhooks.publishedOnce;
import static io.threadline.gateway.social.TelegramWebhooks.signed;
import static io.threadline.gateway.social.TelegramWebhooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A Telegram bot's webhook: the secret token, dedup per bot and chat, photos and documents, bad input. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = SocialApiResource.class, restrictToAnnotatedClass = true)
class TelegramWebhookTest {

    @Test
    void aMessageIsPublishedOnceAndARedeliveredUpdatePublishesNothing() {
        long chat = chatId();
        String update = text(chat, 42, "My card was charged twice");

        signed(update).statusCode(200).body("published", equalTo(true))
                .body("providerMessageId", equalTo(providerId(chat, 42)));
        signed(update).statusCode(200).body("published", equalTo(false)).body("duplicate", equalTo(true));
        // The same message number in another chat is another message.
        signed(text(chatId(), 42, "Hello")).statusCode(200).body("published", equalTo(true));

        ConsumerRecord<String, String> record = published(providerId(chat, 42)).get(0);
        assertThat(published(providerId(chat, 42))).hasSize(1);
        assertThat(record.key()).isEqualTo("telegram:" + chat);
        JsonNode message = InboundTopic.value(record);
        assertThat(message.get("channel").asText()).isEqualTo("telegram");
        assertThat(message.get("inbox").asText()).isEqualTo("support");
        assertThat(message.get("sender").get("address").asText()).isEqualTo(String.valueOf(chat));
        assertThat(message.get("sender").get("displayName").asText()).isEqualTo("Ann Lee");
        assertThat(message.get("thread").get("conversationId").asText()).isEqualTo(BOT_ID + ":" + chat);
        assertThat(message.get("text").asText()).isEqualTo("My card was charged twice");
        assertThat(message.get("receivedAt").asText()).isEqualTo("2025-11-01T12:26:40Z");
        assertThat(message.get("providerMetadata").get("username").asText()).isEqualTo("annlee");
        assertThat(message.get("providerMetadata").get("chatType").asText()).isEqualTo("private");
    }

    @Test
    void photosAndDocumentsBecomeAttachmentMetadataWithTheirCaption() {
        long chat = chatId();
        signed(message(chat, 7, """
                "caption":"The broken part","photo":[
                 {"file_id":"AgACAgQAAxkBAAIBsmall","file_unique_id":"AQADsmall","file_size":1200,"width":90,"height":90},
                 {"file_id":"AgACAgQAAxkBAAIBlarge","file_unique_id":"AQADlarge","file_size":81234,"width":1280,"height":960}]"""))
                .statusCode(200).body("published", equalTo(true));
        signed(message(chat, 8, """
                "document":{"file_name":"receipt.pdf","mime_type":"application/pdf","file_id":"BQACAgQdoc",
                 "file_unique_id":"AgADdoc","file_size":5120}"""))
                .statusCode(200).body("published", equalTo(true));

        JsonNode photo = publishedOnce(providerId(chat, 7));
        assertThat(photo.get("text").asText()).isEqualTo("The broken part");
        assertThat(photo.get("attachments")).hasSize(1);
        JsonNode largest = photo.get("attachments").get(0);
        assertThat(largest.get("name").asText()).isEqualTo("photo-AQADlarge.jpg");
        assertThat(largest.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(largest.get("size").asLong()).isEqualTo(81234);
        assertThat(largest.get("location").asText()).isEqualTo("telegram-file:" + BOT_ID + "/AgACAgQAAxkBAAIBlarge");

        JsonNode document = publishedOnce(providerId(chat, 8));
        assertThat(document.has("text")).isFalse();
        assertThat(document.get("attachments").get(0).get("name").asText()).isEqualTo("receipt.pdf");
        assertThat(document.get("attachments").get(0).get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("attachments").get(0).get("size").asLong()).isEqualTo(5120);
    }

    @Test
    void aWrongOrMissingSecretTokenIsRefusedAndPublishesNothing() {
        long chat = chatId();
        String update = text(chat, 1, "Let me in");

        post(PATH, update, null).statusCode(403).contentType("application/problem+json")
                .body("type", containsString("invalid-signature"))
                .body("detail", containsString("Missing X-Telegram-Bot-Api-Secret-Token"));
        post(PATH, update, "test-telegram-secreT").statusCode(403).body("type", containsString("invalid-signature"));
        post("/webhooks/telegram/unknown-bot", update, TelegramWebhooks.SECRET).statusCode(404)
                .body("type", containsString("telegram-not-configured"));

        assertThat(published(providerId(chat, 1))).isEmpty();
    }

    @Test
    void updatesWithoutAMessageToPublishAreAcknowledged() {
        long chat = chatId();
        signed("""
                {"update_id":1,"edited_message":{"message_id":3,"chat":{"id":%d,"type":"private"},"date":1,
                 "edit_date":2,"text":"edited"}}""".formatted(chat)).statusCode(200).body("ignored", equalTo(true));
        signed("{\"update_id\":2,\"callback_query\":{\"id\":\"4382\",\"data\":\"yes\"},\"new_kind\":{}}")
                .statusCode(200).body("ignored", equalTo(true));
        signed(message(chat, 4, "\"sticker\":{\"file_id\":\"CAACAgI\",\"file_unique_id\":\"AgAD\",\"emoji\":\"x\"}"))
                .statusCode(200).body("ignored", equalTo(true));
        signed(message(chat, 5, "\"new_chat_members\":[{\"id\":1,\"is_bot\":false,\"first_name\":\"B\"}]"))
                .statusCode(200).body("ignored", equalTo(true));
        signed(message(chat, 6, "\"text\":\"from a bot\"").replace("\"is_bot\":false", "\"is_bot\":true"))
                .statusCode(200).body("ignored", equalTo(true));
        signed(message(chat, 9, "\"text\":\"with unknown fields\",\"link_preview_options\":{\"is_disabled\":true}"))
                .statusCode(200).body("published", equalTo(true));

        assertThat(published(providerId(chat, 4))).isEmpty();
        assertThat(published(providerId(chat, 6))).isEmpty();
        assertThat(publishedOnce(providerId(chat, 9)).get("text").asText()).isEqualTo("with unknown fields");
    }

    @Test
    void malformedUpdatesGet400NamingTheProblem() {
        signed("{\"update_id\":").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        signed("{\"message\":{\"message_id\":1,\"chat\":{\"id\":1},\"text\":\"x\"}}").statusCode(400)
                .body("errors.field", hasItem("update_id"));
        signed("{\"update_id\":3,\"message\":{\"message_id\":1,\"chat\":{},\"text\":\"x\"}}").statusCode(400)
                .body("errors.field", hasItem("message.chat.id"));
    }
}
