package io.threadline.gateway.chat.inbound;

import io.smallrye.mutiny.Uni;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.gateway.chat.visitor.Visitor;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns what a visitor typed into an inbound message on channel {@code chat}, published like every other channel's.
 * The provider message id is site + visitor address + the widget's clientMessageId, so the widget's resend of a
 * message whose ack it missed (after a reconnect, maybe to another replica) publishes once.
 */
@ApplicationScoped
public class VisitorMessages {

    private final InboundService inbound;

    public VisitorMessages(InboundService inbound) {
        this.inbound = inbound;
    }

    public Uni<AcceptedMessage> accept(Visitor visitor, String chatSessionId, String clientMessageId, String text) {
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage(providerMessageId(visitor, clientMessageId), Channel.CHAT,
                visitor.site(), new Participant(visitor.address(), visitor.displayName()), List.of(),
                new ThreadReferences(null, null, List.of(), chatSessionId, null), null, text, null, List.of(), now, now,
                Map.of("site", visitor.site(), "visitor", visitor.verified() ? "verified" : "anonymous"));
        return inbound.accept(message);
    }

    static String providerMessageId(Visitor visitor, String clientMessageId) {
        return visitor.site() + ":" + visitor.address() + ":" + clientMessageId;
    }
}
