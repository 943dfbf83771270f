package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.outbound.OutboundLog;
import io.threadline.gateway.social.ReplyText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The Send API Messenger and Instagram share: {@code POST /me/messages} with the Page's token,
 * {@code messaging_type: RESPONSE} to the customer's page-scoped id. The message id Meta returns is linked to the
 * reply before returning, so delivery events find it.
 */
@ApplicationScoped
public class PageMessages {

    private final GraphApi graph;
    private final OutboundLog log;
    private final ObjectMapper json;

    public PageMessages(GraphApi graph, OutboundLog log, ObjectMapper json) {
        this.graph = graph;
        this.log = log;
        this.json = json;
    }

    /**
     * @param product      the channel's name in failure reasons
     * @param tokenSetting the setting named when the token is missing
     */
    String send(String channel, String product, Optional<String> token, String tokenSetting, OutboundMessage reply)
            throws DeliveryFailure {
        String accessToken = token.filter(t -> !t.isBlank()).orElseThrow(() -> DeliveryFailure.permanent(
                product + " is not configured (" + tokenSetting + ")", null));
        ObjectNode body = json.createObjectNode();
        body.putObject("recipient").put("id", reply.recipient().strip());
        body.put("messaging_type", "RESPONSE");
        body.putObject("message").put("text", ReplyText.of(reply));
        JsonNode answer = graph.post(product, "me/messages", accessToken, body);
        String messageId = GraphApi.idIn(answer, product, answer.get("message_id"));
        log.rememberProviderId(channel, messageId, reply.outboundId());
        return messageId;
    }
}
