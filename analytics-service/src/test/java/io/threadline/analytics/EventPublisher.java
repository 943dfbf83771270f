package io.threadline.analytics;

import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.TopicWriter;

import java.util.List;

/** Publishes events as ticket-service does: each on its aggregate's topic, keyed by aggregate id, acknowledged. */
public final class EventPublisher implements AutoCloseable {

    private final TopicWriter writer = TopicWriter.of();

    public void publish(List<IntegrationEvent> events) {
        events.forEach(writer::publish);
    }

    public void publish(IntegrationEvent... events) {
        publish(List.of(events));
    }

    public void sendRawTicketEvent(String key, String value) {
        writer.send(Topics.TICKET_EVENTS, key, value);
    }

    @Override
    public void close() {
        writer.close();
    }
}
