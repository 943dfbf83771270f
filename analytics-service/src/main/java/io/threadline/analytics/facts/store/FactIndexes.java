package io.threadline.analytics.facts.store;

import com.mongodb.MongoException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the time-range indexes at startup; idempotent, so every replica may run it. */
@ApplicationScoped
public class FactIndexes {

    private static final Logger LOG = Logger.getLogger(FactIndexes.class);

    void onStart(@Observes StartupEvent event, TicketFactStore tickets, MessageFactStore messages) {
        try {
            tickets.ensureIndexes();
            messages.ensureIndexes();
        } catch (MongoException e) {
            // Reports are correct without them, only slower; readiness already shows MongoDB is down.
            LOG.warnf("Could not create the fact indexes, reports will scan: %s", e.toString());
        }
    }
}
