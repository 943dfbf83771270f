package io.threadline.history.timeline.projection;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.history.timeline.store.TimelineStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Projects interactions (for now, inbound messages) onto customers' timelines. */
@ApplicationScoped
public class TimelineProjector {

    private static final Logger LOG = Logger.getLogger(TimelineProjector.class);

    private final TimelineStore timeline;
    private final Clock clock = Clock.systemUTC();

    public TimelineProjector(TimelineStore timeline) {
        this.timeline = timeline;
    }

    public void on(IntegrationEvent event, MessageReceived message) {
        boolean added = timeline.add(event.customerId(), TimelineEntries.inboundMessage(event, message, clock.instant()));
        if (!added) {
            LOG.debugf("MessageReceived %s was projected before; nothing changed", event.eventId());
        }
    }
}
