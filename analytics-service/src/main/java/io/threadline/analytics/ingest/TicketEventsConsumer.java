package io.threadline.analytics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.facts.projection.TicketFactProjection;
import io.threadline.contracts.events.IntegrationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Reads {@code ticket.events} and hands each event to the projection. A failure is retried a few times (MongoDB
 * may be briefly away); an unusable event is not. A method that still throws nacks its record, which the
 * connector sends to {@code ticket.events.dlq} with the error in the headers; the offset moves on.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventsConsumer.class);

    private final ObjectMapper json;
    private final TicketFactProjection projection;
    private final ProjectedEventsMeter meter;

    public TicketEventsConsumer(ObjectMapper json, TicketFactProjection projection, ProjectedEventsMeter meter) {
        this.json = json;
        this.projection = projection;
        this.meter = meter;
    }

    /** Blocking: the projection writes with the synchronous MongoDB driver; records stay in partition order. */
    @Incoming("ticket-events")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, jitter = 200, delayUnit = ChronoUnit.MILLIS,
            abortOn = UnusableEventException.class)
    public void consume(String value) {
        IntegrationEvent event = decode(value);
        Optional<Object> payload = payloadOf(event);
        if (payload.isEmpty()) {
            // A newer producer may publish types this version does not know: skipping them is forward-compatible.
            LOG.debugf("Ignoring event %s of unknown type %s", event.eventId(), event.type());
            return;
        }
        if (projection.apply(event, payload.get())) {
            meter.projected(event.type());
        }
    }

    private IntegrationEvent decode(String value) {
        if (value == null) {
            throw new UnusableEventException("Record without a value");
        }
        try {
            IntegrationEvent event = json.readValue(value, IntegrationEvent.class);
            if (event == null || event.type() == null || event.occurredAt() == null || event.payload() == null) {
                throw new UnusableEventException("Envelope without type, occurredAt or payload");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new UnusableEventException("Not an integration event envelope: " + e.getOriginalMessage(), e);
        }
    }

    private Optional<Object> payloadOf(IntegrationEvent event) {
        try {
            return event.payloadAs(json);
        } catch (IllegalArgumentException e) {
            throw new UnusableEventException("Payload of " + event.type() + " " + event.eventId()
                    + " does not match its schema: " + e.getMessage(), e);
        }
    }
}
