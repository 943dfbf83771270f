package io.threadline.history.projection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.IntegrationEvent;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one integration event from a JSON parser straight into its envelope and payload record: the payload is bound
 * as the parser meets it (the envelope names its type first, as every producer writes it), with no JSON tree in
 * between. A payload met before its type is buffered as tokens and bound once the type is known. The envelope's values
 * are read with the same rules as a bound {@link IntegrationEvent} (unknown fields ignored, scalars accepted as text).
 */
final class EventReader {

    private final ObjectReader instants;
    private final Map<String, ObjectReader> payloadReaders;

    EventReader(ObjectMapper json) {
        this.instants = json.readerFor(Instant.class);
        this.payloadReaders = Arrays.stream(EventType.values()).collect(Collectors.toUnmodifiableMap(
                EventType::typeName, t -> json.readerFor(t.payloadClass())));
    }

    /** What was read of one event: its envelope (no payload tree), its payload and what went wrong with it, if anything. */
    record Read(IntegrationEvent envelope, boolean hasPayload, boolean knownType, Object payload,
                Exception payloadFailure) {
    }

    /**
     * Reads the event whose {@code START_OBJECT} is the parser's current token and leaves the parser on its
     * {@code END_OBJECT}, also when a value does not fit its field (that failure is returned or thrown as an
     * {@link UnusableEventException} once the event is read, so that the events after it can still be read). A
     * parser that fails on malformed JSON throws its {@link IOException}.
     */
    Read read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            JsonToken found = parser.currentToken();
            parser.skipChildren();
            throw new UnusableEventException("Not an integration event envelope: an object was expected, not "
                    + found);
        }
        JsonStreamContext event = parser.getParsingContext();
        Fields fields = new Fields();
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser);
            }
        } catch (DatabindException e) {
            skipRestOf(event, parser);
            throw new UnusableEventException("Not an integration event envelope: " + e.getOriginalMessage(), e);
        } catch (UnusableEventException e) {
            skipRestOf(event, parser);
            throw e;
        }
        return fields.toRead();
    }

    /** Moves the parser to the {@code END_OBJECT} of the event whose context is given. */
    private static void skipRestOf(JsonStreamContext event, JsonParser parser) throws IOException {
        JsonStreamContext outer = event.getParent();
        while (!(parser.currentToken() == JsonToken.END_OBJECT && parser.getParsingContext() == outer)) {
            if (parser.nextToken() == null) {
                return;
            }
        }
    }

    /** The envelope's values as they are read. */
    private final class Fields {
        String eventId;
        String type;
        int schemaVersion;
        String aggregateType;
        String aggregateId;
        long aggregateSequence;
        Instant occurredAt;
        String customerId;
        boolean hasPayload;
        Object payload;
        TokenBuffer payloadBeforeType;
        Exception payloadFailure;

        void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "eventId" -> eventId = text(name, parser);
                case "type" -> type = text(name, parser);
                case "schemaVersion" -> schemaVersion = (int) number(name, parser);
                case "aggregateType" -> aggregateType = text(name, parser);
                case "aggregateId" -> aggregateId = text(name, parser);
                case "aggregateSequence" -> aggregateSequence = number(name, parser);
                case "occurredAt" -> occurredAt = instants.readValue(parser);
                case "customerId" -> customerId = text(name, parser);
                case "payload" -> payload(parser);
                default -> parser.skipChildren();
            }
        }

        private void payload(JsonParser parser) throws IOException {
            hasPayload = parser.currentToken() != JsonToken.VALUE_NULL;
            if (!hasPayload) {
                return;
            }
            if (type == null) {
                payloadBeforeType = TokenBuffer.asCopyOfValue(parser);
                return;
            }
            ObjectReader reader = payloadReaders.get(type);
            if (reader == null) {
                parser.skipChildren();
                return;
            }
            JsonStreamContext payloadParent = parser.currentToken().isStructStart()
                    ? parser.getParsingContext().getParent() : parser.getParsingContext();
            try {
                payload = reader.readValue(parser);
            } catch (DatabindException e) {
                payloadFailure = e;
                // Back to this field's end, so that the rest of the envelope is read.
                while (parser.getParsingContext() != payloadParent) {
                    if (parser.nextToken() == null) {
                        return;
                    }
                }
            }
        }

        Read toRead() throws IOException {
            ObjectReader reader = type == null ? null : payloadReaders.get(type);
            if (payloadBeforeType != null && reader != null) {
                try (JsonParser buffered = payloadBeforeType.asParser()) {
                    buffered.nextToken();
                    payload = reader.readValue(buffered);
                } catch (DatabindException e) {
                    payloadFailure = e;
                }
            }
            IntegrationEvent envelope = new IntegrationEvent(eventId, type, schemaVersion, aggregateType, aggregateId,
                    aggregateSequence, occurredAt, customerId, null);
            return new Read(envelope, hasPayload, reader != null, payload, payloadFailure);
        }
    }

    private static String text(String name, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new UnusableEventException("Not an integration event envelope: " + name + " is not a text");
        }
        return parser.getText();
    }

    private static long number(String name, JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        try {
            return switch (token) {
                case VALUE_NULL -> 0;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getValueAsLong();
                case VALUE_STRING -> Long.parseLong(parser.getText().trim());
                default -> throw new NumberFormatException(String.valueOf(token));
            };
        } catch (NumberFormatException e) {
            throw new UnusableEventException("Not an integration event envelope: " + name + " is not a number", e);
        }
    }
}
