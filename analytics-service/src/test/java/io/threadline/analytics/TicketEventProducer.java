package io.threadline.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.inbound.Participant;
import io.threadline.testsupport.TopicWriter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes to {@code ticket.events} as ticket-service does: a JSON envelope keyed by the ticket id. */
public final class TicketEventProducer implements AutoCloseable {

    public static final ObjectMapper JSON = ContractJson.newMapper();

    private final TopicWriter writer;

    private TicketEventProducer(TopicWriter writer) {
        this.writer = writer;
    }

    /** A producer on the Kafka broker of the running Quarkus test. */
    public static TicketEventProducer connect() {
        return new TicketEventProducer(TopicWriter.of());
    }

    public static IntegrationEvent ticketOpened(String ticketId, String channel, Instant openedAt) {
        TicketOpened opened = new TicketOpened(ticketId, "TL-1001", "customer-" + ticketId, channel, "Order #4411", null, null);
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, 0, openedAt, "customer-" + ticketId,
                opened, JSON);
    }

    public static IntegrationEvent messageReceived(String ticketId, String messageId, String channel,
                                                   Instant receivedAt) {
        MessageReceived received = new MessageReceived(ticketId, "TL-1001", messageId, channel, "provider-" + messageId,
                new Participant("alice@example.com", "Alice Martin"), "Order #4411", "The mug arrived in pieces.",
                List.of(), receivedAt, receivedAt.plusMillis(40), ThreadingRule.OPEN_TICKET);
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, 1, receivedAt.plusMillis(50),
                "customer-" + ticketId, received, JSON);
    }

    /** Sends the events one after the other, each acknowledged before the next, keyed by their aggregate. */
    public void send(IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            writer.publish(event);
        }
    }

    public void sendRaw(String key, String value) {
        writer.send(Topics.TICKET_EVENTS, key, value);
    }

    @Override
    public void close() {
        writer.close();
    }
}
