package io.threadline.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

/**
 * The envelope of every event on {@code ticket.events} and {@code customer.events}. A published contract:
 * consumers rely on {@code eventId} for deduplication and on {@code aggregateSequence} for per-aggregate order.
 */
public record IntegrationEvent(
        String eventId,
        String type,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        Instant occurredAt,
        String customerId,
        JsonNode payload) {

    /** Wraps a payload, taking type, version and aggregate type from its {@link EventType}. */
    public static IntegrationEvent wrap(String eventId, String aggregateId, long aggregateSequence,
                                        Instant occurredAt, String customerId, Object payload,
                                        ObjectMapper mapper) {
        EventType type = EventType.of(payload.getClass());
        return new IntegrationEvent(eventId, type.typeName(), type.schemaVersion(), type.aggregateType(),
                aggregateId, aggregateSequence, occurredAt, customerId, mapper.valueToTree(payload));
    }

    /** The payload as its record, or empty if this consumer does not know the type. */
    public java.util.Optional<Object> payloadAs(ObjectMapper mapper) {
        return EventType.byName(type).map(t -> mapper.convertValue(payload, t.payloadClass()));
    }
}
