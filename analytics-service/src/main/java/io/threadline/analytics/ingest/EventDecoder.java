package io.threadline.analytics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.analytics.UnusableEventException;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Reads an integration event and its payload; anything that can never be read is an {@link UnusableEventException}. */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    public IntegrationEvent envelope(String value) {
        if (value == null) {
            throw new UnusableEventException("Record without a value");
        }
        try {
            return checked(json.readValue(value, IntegrationEvent.class));
        } catch (JsonProcessingException e) {
            throw new UnusableEventException("Not an integration event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public IntegrationEvent checked(IntegrationEvent event) {
        if (event == null || event.type() == null || event.occurredAt() == null || event.payload() == null
                || event.aggregateId() == null || event.aggregateType() == null) {
            throw new UnusableEventException("Envelope without type, aggregate, occurredAt or payload");
        }
        return event;
    }

    /** The payload record, or empty for a type this version does not know (skipped: forward-compatible). */
    public Optional<Object> payload(IntegrationEvent event) {
        try {
            return event.payloadAs(json);
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException("Payload of " + event.type() + " " + event.eventId()
                    + " does not match its schema: " + e.getMessage(), e);
        }
    }
}
