package io.threadline.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.inbound.Participant;
import io.threadline.testsupport.TopicWriter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes integration events as ticket-service would: the envelope as JSON, keyed by aggregate id. */
final class EventPublisher implements AutoCloseable {

    static final ObjectMapper JSON = ContractJson.newMapper();

    private final TopicWriter writer = TopicWriter.of();

    void customerRegistered(String customerId, String channel, String address, String displayName) {
        CustomerRegistered payload = new CustomerRegistered(customerId, new Identity(channel, address, true), displayName);
        send(Topics.CUSTOMER_EVENTS, customerId,
                IntegrationEvent.wrap(newId(), customerId, 1, Instant.now(), customerId, payload, JSON));
    }

    void ticketOpened(String customerId, String ticketId, String ticketNumber, String subject, Instant openedAt) {
        TicketOpened payload = new TicketOpened(ticketId, ticketNumber, customerId, "email", subject, null, null);
        send(Topics.TICKET_EVENTS, ticketId,
                IntegrationEvent.wrap(newId(), ticketId, 1, openedAt, customerId, payload, JSON));
    }

    /** The envelope of an inbound email on a ticket (its second event), to send with {@link #send}. */
    static IntegrationEvent messageReceived(String eventId, String customerId, String ticketId, String text,
                                            Instant receivedAt, Instant acceptedAt) {
        return messageReceived(eventId, customerId, ticketId, 2, text, receivedAt, acceptedAt);
    }

    /** As above, as the ticket's event number {@code sequence}: each event of a ticket has its own. */
    static IntegrationEvent messageReceived(String eventId, String customerId, String ticketId, long sequence,
                                            String text, Instant receivedAt, Instant acceptedAt) {
        MessageReceived payload = new MessageReceived(ticketId, "TL-" + ticketId.hashCode(), "m-" + eventId, "email",
                "<" + eventId + "@mail.example.com>", new Participant("alice@example.com", "Alice Martin"),
                "Order #4411 arrived damaged", text, List.of(), receivedAt, acceptedAt, ThreadingRule.NEW_TICKET);
        return IntegrationEvent.wrap(eventId, ticketId, sequence, acceptedAt, customerId, payload, JSON);
    }

    void send(String topic, String key, IntegrationEvent event) {
        writer.send(topic, key, TopicWriter.json(event));
    }

    void sendRaw(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        writer.close();
    }
}
