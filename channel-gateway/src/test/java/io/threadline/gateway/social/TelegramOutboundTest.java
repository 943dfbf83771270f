package io.threadline.gateway.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.SocialApiResource;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.threadline.gateway.social.MetaOutboundTest.reply;
import static io.threadline.gateway.social.ProviderStubs.answersInTurn;
import static io.threadline.gateway.social.ProviderStubs.json;
import static io.threadline.gateway.social.TelegramWebhooks.BOT_ID;
import static io.threadline.gateway.social.TelegramWebhooks.chatId;
import static io.threadline.gateway.testing.DeliveryTopics.publish;
import static io.threadline.gateway.testing.DeliveryTopics.receiptsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Replies on Telegram through the Bot API's sendMessage (WireMock). */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = SocialApiResource.class, restrictToAnnotatedClass = true)
class TelegramOutboundTest {

    private static final String SEND_MESSAGE = "/telegram/bot" + BOT_ID + ":test-telegram-bot-token/sendMessage";

    WireMockServer telegram;

    @Test
    void aReplyGoesIntoTheConversationSChatByItsBot() throws Exception {
        String chat = String.valueOf(chatId());
        telegram.stubFor(toChat(chat).willReturn(json(200, """
                {"ok":true,"result":{"message_id":77,"from":{"id":%s,"is_bot":true,"first_name":"Support"},
                 "chat":{"id":%s,"type":"private"},"date":1762000100,"text":"We have sent a new parcel."}}"""
                .formatted(BOT_ID, chat))));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "telegram", "someone-else", BOT_ID + ":" + chat));

        JsonNode sent = receiptsOf(outboundId, 1).get(0);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("providerMessageId").asText()).isEqualTo(BOT_ID + ":" + chat + ":77");
        telegram.verify(1, postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                .withRequestBody(matchingJsonPath("$.text", equalTo("We have sent a new parcel."))));
    }

    @Test
    void withoutAConversationTheOnlyBotWritesToTheRecipient() throws Exception {
        String chat = String.valueOf(chatId());
        telegram.stubFor(toChat(chat).willReturn(json(200, "{\"ok\":true,\"result\":{\"message_id\":5}}")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "telegram", chat, null));

        assertThat(receiptsOf(outboundId, 1).get(0).get("providerMessageId").asText())
                .isEqualTo(BOT_ID + ":" + chat + ":5");
    }

    @Test
    void tooManyRequestsIsRetried() throws Exception {
        String chat = String.valueOf(chatId());
        answersInTurn(telegram, () -> toChat(chat),
                json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}"),
                json(200, "{\"ok\":true,\"result\":{\"message_id\":6}}"));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "telegram", chat, BOT_ID + ":" + chat));

        assertThat(receiptsOf(outboundId, 1).get(0).get("status").asText()).isEqualTo("SENT");
        telegram.verify(2, postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
    }

    @Test
    void aBlockedBotFailsAtOnceWithTelegramSDescription() throws Exception {
        String chat = String.valueOf(chatId());
        telegram.stubFor(toChat(chat).willReturn(json(403,
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "telegram", chat, BOT_ID + ":" + chat));

        JsonNode failed = receiptsOf(outboundId, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("Telegram 403: Forbidden: bot was blocked by the user");
        telegram.verify(1, postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
    }

    @Test
    void aConversationOfAnotherBotFailsNamingIt() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();

        publish(reply(outboundId, "telegram", "1", "999:1"));

        JsonNode failed = receiptsOf(outboundId, 1).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("the conversation's Telegram bot 999 is not configured");
    }

    private static MappingBuilder toChat(String chat) {
        return post(urlPathEqualTo(SEND_MESSAGE)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)));
    }
}
