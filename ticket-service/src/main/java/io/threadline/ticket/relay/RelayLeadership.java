package io.threadline.ticket.relay;

import com.mongodb.client.MongoDatabase;
import io.threadline.servicekit.mongo.MongoLease;
import io.threadline.ticket.TicketServiceConfig;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which replica relays: the holder of a lease on the relay's position document ({@code relay_positions}), so with
 * several replicas exactly one tails the change stream and the others stand by. The leader renews the lease as it
 * goes and stops at once when a renewal fails or the lease ran out; its position is saved only while it still holds
 * the lease, so a replica that lost it never overwrites its successor's position.
 */
class RelayLeadership {

    /** Thrown into the relay's loop when this replica no longer holds the lease. */
    static final class LeadershipLost extends RuntimeException {
        LeadershipLost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MongoLease lease;
    private final Duration renewInterval;
    private final Clock clock;

    private volatile boolean leader;
    private Instant validUntil = Instant.EPOCH;
    private Instant renewedAt = Instant.EPOCH;

    RelayLeadership(MongoDatabase database, String replicaId, TicketServiceConfig.Relay config) {
        if (config.leaseRenewInterval().compareTo(config.leaseLength()) >= 0) {
            throw new IllegalArgumentException("threadline.tickets.relay.lease-renew-interval ("
                    + config.leaseRenewInterval() + ") must be shorter than lease-length (" + config.leaseLength() + ")");
        }
        this.lease = new MongoLease(database.getCollection(RelayPosition.COLLECTION), RelayPosition.ID, replicaId,
                config.leaseLength());
        this.renewInterval = config.leaseRenewInterval();
        this.clock = Clock.systemUTC();
    }

    /** Takes the lease or renews it; false while another replica leads. */
    boolean acquire() {
        Instant now = clock.instant();
        Optional<Instant> until = lease.acquire();
        until.ifPresent(end -> {
            validUntil = end;
            renewedAt = now;
        });
        leader = until.isPresent();
        return leader;
    }

    /** Goes on only while this replica leads: renews the lease when due, else throws {@link LeadershipLost}. */
    void confirm() {
        Instant now = clock.instant();
        if (now.isBefore(renewedAt.plus(renewInterval)) && now.isBefore(validUntil)) {
            return;
        }
        try {
            if (acquire()) {
                return;
            }
        } catch (RuntimeException e) {
            leader = false;
            throw new LeadershipLost("the relay's lease could not be renewed", e);
        }
        throw new LeadershipLost("another replica took the relay's lease", null);
    }

    /** Writes to the position document only while this replica leads; else throws {@link LeadershipLost}. */
    void updateIfLeading(Bson update) {
        if (!lease.updateIfHeld(update)) {
            leader = false;
            throw new LeadershipLost("the relay's lease ran out before its position was saved", null);
        }
    }

    /** Lets a standby take over at once. */
    void release() {
        if (leader) {
            leader = false;
            lease.release();
        }
    }

    boolean isLeader() {
        return leader;
    }

    String replicaId() {
        return lease.holder();
    }

    Duration renewInterval() {
        return renewInterval;
    }
}
