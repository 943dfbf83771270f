package io.threadline.history.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.history.HistoryConfig;
import io.threadline.history.customer.projection.CustomerProjector;
import io.threadline.history.mongo.TransientRetry;
import io.threadline.history.ticket.projection.TicketProjector;
import io.threadline.history.timeline.projection.TimelineProjector;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads integration events from {@code customer.events} and {@code ticket.events} and hands each to its
 * projector. A throw nacks the record, which the channel's failure strategy sends to {@code <topic>.dlq}:
 * malformed events at once, MongoDB outages after a few tries.
 */
@ApplicationScoped
public class IntegrationEventConsumer {

    private static final Logger LOG = Logger.getLogger(IntegrationEventConsumer.class);

    private final ObjectMapper json;
    private final TransientRetry retry;
    private final CustomerProjector customers;
    private final TicketProjector tickets;
    private final TimelineProjector timeline;

    public IntegrationEventConsumer(ObjectMapper json, HistoryConfig config, CustomerProjector customers,
                                    TicketProjector tickets, TimelineProjector timeline) {
        this.json = json;
        this.retry = new TransientRetry(config.projection().attempts(), config.projection().retryBackoff());
        this.customers = customers;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    // Blocking (ordered, on a worker thread): the MongoDB driver is synchronous and order per partition matters.
    @Incoming("customer-events")
    @Blocking
    public void onCustomerEvent(String value) throws JsonProcessingException {
        project(value);
    }

    @Incoming("ticket-events")
    @Blocking
    public void onTicketEvent(String value) throws JsonProcessingException {
        project(value);
    }

    private void project(String value) throws JsonProcessingException {
        if (value == null) {
            LOG.debug("Ignoring a record without value");
            return;
        }
        IntegrationEvent event = json.readValue(value, IntegrationEvent.class);
        Optional<Object> payload = event.payloadAs(json);
        if (payload.isEmpty()) {
            LOG.debugf("Ignoring event %s of unknown type %s", event.eventId(), event.type());
            return;
        }
        retry.run("Projecting " + event.type() + " " + event.eventId(), () -> dispatch(event, payload.get()));
    }

    private void dispatch(IntegrationEvent event, Object payload) {
        if (payload instanceof CustomerRegistered registered) {
            customers.on(event, registered);
        } else if (payload instanceof TicketOpened opened) {
            tickets.on(event, opened);
        } else if (payload instanceof MessageReceived message) {
            timeline.on(event, message);
        } else {
            LOG.debugf("No projection for %s %s", event.type(), event.eventId());
        }
    }
}
