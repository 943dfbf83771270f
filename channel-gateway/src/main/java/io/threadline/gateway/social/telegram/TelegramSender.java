package io.threadline.gateway.social.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.social.JsonApi;
import io.threadline.gateway.social.JsonFields;
import io.threadline.gateway.social.ReplyText;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * Replies on Telegram through the Bot API's sendMessage ({@code POST <base-url>/bot<token>/sendMessage}), by the
 * bot and into the chat of the customer's conversation ({@code <bot id>:<chat id>}); without one, by the only
 * configured bot to the recipient's id (a private chat's id is the user's). 429 and 5xx are transient; other
 * errors ("chat not found", "bot was blocked by the user") are permanent with Telegram's description.
 */
@ApplicationScoped
public class TelegramSender implements ChannelSender {

    private final SocialConfig.Telegram config;
    private final TelegramBots bots;
    private final JsonApi api;
    private final ObjectMapper json;

    public TelegramSender(SocialConfig config, TelegramBots bots, JsonApi api, ObjectMapper json) {
        this.config = config.telegram();
        this.bots = bots;
        this.api = api;
        this.json = json;
    }

    @Override
    public String channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        Target target = target(reply);
        ObjectNode body = json.createObjectNode();
        body.put("chat_id", target.chatId());
        body.put("text", ReplyText.of(reply));
        URI uri = URI.create(config.baseUrl().replaceAll("/+$", "") + "/bot" + target.bot().token() + "/sendMessage");
        JsonApi.Answer answer = api.post("Telegram", uri, null, body, config.timeout());
        String messageId = JsonFields.text(answer.body().path("result"), "message_id");
        if (answer.ok() && answer.body().path("ok").asBoolean() && messageId != null) {
            return target.bot().id() + ":" + target.chatId() + ":" + messageId;
        }
        String description = JsonFields.text(answer.body(), "description");
        String reason = "Telegram " + answer.status() + ": " + (description != null ? description : answer.excerpt());
        if (answer.busyOrBroken() || answer.ok()) {
            throw DeliveryFailure.transientFailure(reason, null);
        }
        throw DeliveryFailure.permanent(reason, null);
    }

    private record Target(TelegramBots.Bot bot, String chatId) {
    }

    private Target target(OutboundMessage reply) throws DeliveryFailure {
        if (bots.all().isEmpty()) {
            throw DeliveryFailure.permanent("Telegram is not configured "
                    + "(threadline.gateway.social.telegram.bots.<name>.token)", null);
        }
        ThreadReferences thread = reply.thread();
        String conversation = thread == null ? null : thread.conversationId();
        if (conversation != null && conversation.indexOf(':') > 0) {
            String botId = conversation.substring(0, conversation.indexOf(':'));
            TelegramBots.Bot bot = bots.withId(botId).orElseThrow(() -> DeliveryFailure.permanent(
                    "the conversation's Telegram bot " + botId + " is not configured", null));
            return new Target(bot, conversation.substring(conversation.indexOf(':') + 1));
        }
        if (bots.all().size() == 1) {
            return new Target(bots.all().get(0), reply.recipient().strip());
        }
        throw DeliveryFailure.permanent("the reply names no Telegram conversation, and several bots could send it",
                null);
    }
}
