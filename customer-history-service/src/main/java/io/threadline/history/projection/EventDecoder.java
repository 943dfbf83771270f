package io.threadline.history.projection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.timeline.projection.TimelineEntries;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads an integration event, its payload and the timeline entry it makes. Anything that can never be projected
 * is an {@link UnusableEventException}; a type this version does not know is skipped (newer producers must not
 * fill the dead-letter topic).
 */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper json;
    private final EventReader reader;

    public EventDecoder(ObjectMapper json) {
        this.json = json;
        this.reader = new EventReader(json);
    }

    public Optional<DecodedEvent> decode(String value) {
        if (value == null) {
            throw new UnusableEventException("Record without a value");
        }
        try (JsonParser parser = json.createParser(value)) {
            parser.nextToken();
            return decode(parser);
        } catch (IOException e) {
            throw new UnusableEventException("Not an integration event envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the event whose {@code START_OBJECT} is the parser's current token, straight from the parser (no JSON
     * tree), and leaves the parser on its {@code END_OBJECT}, also when the event is unusable: the events after it
     * (in a page of the replay source) can still be read. Malformed JSON throws the parser's exception.
     */
    public Optional<DecodedEvent> decode(JsonParser parser) throws IOException {
        EventReader.Read read = reader.read(parser);
        IntegrationEvent event = read.envelope();
        requireEnvelope(event, read.hasPayload());
        if (!read.knownType()) {
            return Optional.empty();
        }
        if (read.payloadFailure() != null) {
            throw doesNotMatch(event, read.payloadFailure());
        }
        return decoded(event, read.payload());
    }

    /** Decodes an event whose payload is a JSON tree. */
    public Optional<DecodedEvent> decode(IntegrationEvent event) {
        requireEnvelope(event, event != null && event.payload() != null);
        Optional<EventType> type = EventType.byName(event.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Object payload;
        try {
            // Straight from the tree (IntegrationEvent.payloadAs converts, which writes the tree out and reads it back).
            payload = json.treeToValue(event.payload(), type.get().payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw doesNotMatch(event, e);
        }
        return decoded(withoutPayloadTree(event), payload);
    }

    private static void requireEnvelope(IntegrationEvent event, boolean hasPayload) {
        if (event == null || blank(event.eventId()) || blank(event.type()) || blank(event.aggregateType())
                || blank(event.aggregateId()) || blank(event.customerId()) || event.occurredAt() == null
                || !hasPayload) {
            throw new UnusableEventException("Event " + (event == null ? null : event.eventId())
                    + " lacks one of eventId, type, aggregateType, aggregateId, customerId, occurredAt, payload");
        }
    }

    private static UnusableEventException doesNotMatch(IntegrationEvent event, Exception e) {
        return new UnusableEventException("Payload of " + event.type() + " " + event.eventId()
                + " does not match its schema: " + e.getMessage(), e);
    }

    private static Optional<DecodedEvent> decoded(IntegrationEvent event, Object payload) {
        if (payload == null) {
            throw new UnusableEventException("Payload of " + event.type() + " " + event.eventId() + " is null");
        }
        try {
            return Optional.of(new DecodedEvent(event, payload, TimelineEntries.of(event, payload).orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException(e.getMessage(), e);
        }
    }

    /**
     * The envelope without its payload's JSON tree, which the decoded payload replaces: a rebuild holds batches of tens
     * of thousands of events, and their trees were most of its heap (and of the collector's work).
     */
    private static IntegrationEvent withoutPayloadTree(IntegrationEvent event) {
        return new IntegrationEvent(event.eventId(), event.type(), event.schemaVersion(), event.aggregateType(),
                event.aggregateId(), event.aggregateSequence(), event.occurredAt(), event.customerId(), null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
