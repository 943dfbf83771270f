package io.threadline.gateway.chat.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.threadline.gateway.chat.visitor.ChatRefusal;
import io.threadline.gateway.chat.visitor.VisitorIdentification;
import io.threadline.servicekit.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refuses a chat handshake that names no acceptable visitor with an RFC 9457 problem (401, 403 or 400) before the
 * WebSocket layer sees it, which on its own could answer with a bare status only. Browsers do not show a refused
 * handshake's body to scripts, so the widget asks for it with a plain GET of the same URL, which this answers too.
 */
@ApplicationScoped
public class ChatHandshakeFilter {

    /** Before the routes, after nothing that matters here. */
    private static final int PRIORITY = 100;

    private final VisitorIdentification identification;
    private final ObjectMapper json;

    public ChatHandshakeFilter(VisitorIdentification identification, ObjectMapper json) {
        this.identification = identification;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        if (!ChatSocket.PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        try {
            identification.identify(context.request());
        } catch (ChatRefusal refusal) {
            context.response().setStatusCode(refusal.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(problem(refusal, context.normalizedPath()));
            return;
        }
        if (!"websocket".equalsIgnoreCase(context.request().getHeader("Upgrade"))) {
            // The widget's probe of a handshake it could not open: the visitor is fine, so the network was not.
            context.response().setStatusCode(204).end();
            return;
        }
        context.next();
    }

    private String problem(ChatRefusal refusal, String path) {
        try {
            return json.writeValueAsString(new Problem(Problem.type(refusal.type()),
                    refusal.status() == 401 ? "Unauthorized" : refusal.status() == 403 ? "Forbidden" : "Bad request",
                    refusal.status(), refusal.getMessage(), path, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
