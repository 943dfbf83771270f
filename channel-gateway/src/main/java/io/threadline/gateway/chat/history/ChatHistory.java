package io.threadline.gateway.chat.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.threadline.contracts.inbound.Channel;
import io.threadline.gateway.chat.ChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The conversation a visitor sees when the widget connects: customer-history-service's customer-facing view of the
 * customer owning the visitor's chat identity, newest {@code max-messages} messages, oldest first. A visitor the
 * history does not know yet has an empty conversation; an unreachable history fails the Uni.
 */
@ApplicationScoped
public class ChatHistory {

    private final CustomerHistoryClient client;
    private final ChatConfig.History config;

    public ChatHistory(@RestClient CustomerHistoryClient client, ChatConfig config) {
        this.client = client;
        this.config = config.history();
    }

    public Uni<List<JsonNode>> conversationOf(String chatAddress) {
        if (config.token().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no token for customer-history-service "
                    + "(threadline.gateway.chat.history.token)"));
        }
        String authorization = "Bearer " + config.token().get();
        return client.lookup(Channel.identityKey(Channel.CHAT, chatAddress), authorization)
                .onFailure(ChatHistory::notFound).recoverWithNull()
                .flatMap(customer -> customer == null ? Uni.createFrom().item(List.<JsonNode>of())
                        : pages(customer.path("customerId").asText(), null, new ArrayDeque<>(), 0, authorization));
    }

    /** Walks back from the newest page, keeping the newest {@code max-messages} in order. */
    private Uni<List<JsonNode>> pages(String customerId, String cursor, Deque<JsonNode> newest, int read,
                                      String authorization) {
        String start = cursor == null ? "newest" : null;
        return client.conversation(customerId, config.pageSize(), cursor, start, authorization).flatMap(page -> {
            List<JsonNode> entries = new ArrayList<>();
            page.path("entries").forEach(entries::add);
            for (int i = entries.size() - 1; i >= 0 && newest.size() < config.maxMessages(); i--) {
                newest.addFirst(entries.get(i));
            }
            String previous = page.path("previousCursor").isTextual() ? page.path("previousCursor").asText() : null;
            if (previous == null || entries.isEmpty() || newest.size() >= config.maxMessages()
                    || read + 1 >= config.maxPages()) {
                return Uni.createFrom().item(List.copyOf(newest));
            }
            return pages(customerId, previous, newest, read + 1, authorization);
        });
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
