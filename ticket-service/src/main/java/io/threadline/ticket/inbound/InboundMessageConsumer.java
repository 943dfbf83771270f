package io.threadline.ticket.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.contracts.inbound.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Consumes {@code channel.inbound}. Transient failures are retried a few times; after that, or at once for a
 * message that cannot be read, the connector sends it to {@code channel.inbound.dlq} and moves on.
 */
@ApplicationScoped
public class InboundMessageConsumer {

    private final ObjectMapper json;
    private final InboundMessageHandler handler;

    public InboundMessageConsumer(ObjectMapper json, InboundMessageHandler handler) {
        this.json = json;
        this.handler = handler;
    }

    @Incoming("channel-inbound")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS,
            abortOn = UnreadableMessageException.class)
    public void consume(String payload) {
        handler.handle(read(payload));
    }

    private InboundMessage read(String payload) {
        try {
            InboundMessage message = json.readValue(payload, InboundMessage.class);
            if (message.channel() == null || message.providerMessageId() == null || message.sender() == null
                    || message.sender().address() == null) {
                throw new UnreadableMessageException("missing channel, providerMessageId or sender.address");
            }
            return message;
        } catch (JsonProcessingException e) {
            throw new UnreadableMessageException(e.getOriginalMessage());
        }
    }

    /** A message no retry can fix: straight to the dead-letter topic. */
    static class UnreadableMessageException extends RuntimeException {
        UnreadableMessageException(String reason) {
            super("Unreadable inbound message: " + reason);
        }
    }
}
