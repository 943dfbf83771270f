package io.threadline.history.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.timeline.projection.TimelineEntries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Reads an integration event, its payload and the timeline entry it makes. Anything that can never be projected
 * is an {@link UnusableEventException}; a type this version does not know is skipped (newer producers must not
 * fill the dead-letter topic).
 */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    public Optional<DecodedEvent> decode(String value) {
        if (value == null) {
            throw new UnusableEventException("Record without a value");
        }
        try {
            return decode(json.readValue(value, IntegrationEvent.class));
        } catch (JsonProcessingException e) {
            throw new UnusableEventException("Not an integration event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public Optional<DecodedEvent> decode(IntegrationEvent event) {
        if (event == null || blank(event.eventId()) || blank(event.type()) || blank(event.aggregateType())
                || blank(event.aggregateId()) || blank(event.customerId()) || event.occurredAt() == null
                || event.payload() == null) {
            throw new UnusableEventException("Event " + (event == null ? null : event.eventId())
                    + " lacks one of eventId, type, aggregateType, aggregateId, customerId, occurredAt, payload");
        }
        Optional<Object> payload;
        try {
            payload = event.payloadAs(json);
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException("Payload of " + event.type() + " " + event.eventId()
                    + " does not match its schema: " + e.getMessage(), e);
        }
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DecodedEvent(event, payload.get(),
                    TimelineEntries.of(event, payload.get()).orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException(e.getMessage(), e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
