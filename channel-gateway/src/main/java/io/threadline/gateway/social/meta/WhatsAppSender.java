package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.outbound.OutboundLog;
import io.threadline.gateway.social.ReplyText;
import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Replies on WhatsApp through the Cloud API: {@code POST /<phone-number-id>/messages}, a text message to the
 * customer's wa_id. It leaves from the number the customer wrote to (the conversation
 * {@code <phone-number-id>:<wa_id>}), else from the configured one. The returned wamid is linked to the reply
 * before returning, so status webhooks find it. Free-form text is only allowed within 24 hours of the customer's
 * last message: Meta refuses it later (error 131047), which fails the reply with Meta's message.
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    private final SocialConfig.WhatsApp config;
    private final GraphApi graph;
    private final OutboundLog log;
    private final ObjectMapper json;

    public WhatsAppSender(SocialConfig config, GraphApi graph, OutboundLog log, ObjectMapper json) {
        this.config = config.whatsapp();
        this.graph = graph;
        this.log = log;
        this.json = json;
    }

    @Override
    public String channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        String token = config.accessToken().filter(t -> !t.isBlank()).orElseThrow(() -> DeliveryFailure.permanent(
                "WhatsApp is not configured (threadline.gateway.social.whatsapp.access-token)", null));
        String phoneNumberId = phoneNumberId(reply.thread());
        ObjectNode body = json.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", reply.recipient().strip());
        body.put("type", "text");
        body.putObject("text").put("preview_url", false).put("body", ReplyText.of(reply));
        JsonNode answer = graph.post("WhatsApp", URLEncoder.encode(phoneNumberId, StandardCharsets.UTF_8)
                + "/messages", token, body);
        String wamid = GraphApi.idIn(answer, "WhatsApp", answer.path("messages").path(0).get("id"));
        log.rememberProviderId(Channel.WHATSAPP, wamid, reply.outboundId());
        return wamid;
    }

    private String phoneNumberId(ThreadReferences thread) throws DeliveryFailure {
        String conversation = thread == null ? null : thread.conversationId();
        if (conversation != null && conversation.indexOf(':') > 0) {
            return conversation.substring(0, conversation.indexOf(':'));
        }
        return config.phoneNumberId().filter(id -> !id.isBlank()).orElseThrow(() -> DeliveryFailure.permanent(
                "WhatsApp is not configured (threadline.gateway.social.whatsapp.phone-number-id), and the reply "
                        + "names no conversation to answer from", null));
    }
}
