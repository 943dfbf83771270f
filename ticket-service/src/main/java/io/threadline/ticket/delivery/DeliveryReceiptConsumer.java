package io.threadline.ticket.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.contracts.outbound.DeliveryReceipt;
import io.threadline.ticket.ticket.api.RecordDeliveryCommand;
import io.threadline.ticket.ticket.threading.ThreadIndex;
import io.threadline.ticket.ticket.threading.TicketThreading;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Consumes {@code channel.delivery}: each receipt lands on the ticket of the reply it reports on, so agents see a
 * reply sent, delivered or failed with the reason. Idempotent (the ticket ignores a repeated receipt); transient
 * failures are retried, then the receipt goes to {@code channel.delivery.dlq}.
 */
@ApplicationScoped
public class DeliveryReceiptConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveryReceiptConsumer.class);

    private final ObjectMapper json;
    private final TicketThreading threading;
    private final CommandGateway commands;

    public DeliveryReceiptConsumer(ObjectMapper json, TicketThreading threading, CommandGateway commands) {
        this.json = json;
        this.threading = threading;
        this.commands = commands;
    }

    @Incoming("channel-delivery")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS,
            abortOn = UnreadableReceiptException.class)
    public void consume(String payload) {
        DeliveryReceipt receipt = read(payload);
        // The relay indexes every reply before publishing it, so an unknown id is no reply of Threadline's.
        Optional<ThreadIndex.Target> ticket = threading.ticketOfReply(receipt.outboundId());
        if (ticket.isEmpty()) {
            LOG.warnf("Delivery receipt for unknown outbound message %s ignored", receipt.outboundId());
            return;
        }
        commands.sendAndWait(new RecordDeliveryCommand(ticket.get().ticketId(), receipt.outboundId(),
                receipt.status(), receipt.providerMessageId(), receipt.error()));
    }

    private DeliveryReceipt read(String payload) {
        try {
            DeliveryReceipt receipt = json.readValue(payload, DeliveryReceipt.class);
            if (receipt.outboundId() == null || receipt.status() == null) {
                throw new UnreadableReceiptException("missing outboundId or status");
            }
            return receipt;
        } catch (JsonProcessingException e) {
            throw new UnreadableReceiptException(e.getOriginalMessage());
        }
    }

    /** A receipt no retry can fix: straight to the dead-letter topic. */
    static class UnreadableReceiptException extends RuntimeException {
        UnreadableReceiptException(String reason) {
            super("Unreadable delivery receipt: " + reason);
        }
    }
}
