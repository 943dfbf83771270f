package io.threadline.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.threadline.ticket.ticket.threading.OpenTicketScope;

import java.time.Duration;

/** Typed settings of ticket-service ({@code threadline.tickets.*}). */
@ConfigMapping(prefix = "threadline.tickets")
public interface TicketServiceConfig {

    /**
     * This replica's name among the service's replicas, unique to the process: it holds the relay's lease and names
     * the replica's own Kafka consumer group of the live ticket changes. Default: host name plus a random id.
     */
    String replicaId();

    /** The first ticket number handed out, as in TL-1001. */
    @WithDefault("1001")
    long firstTicketNumber();

    /** Aggregates of each type kept in memory, so a command does not reload the aggregate's events. */
    @WithDefault("50000")
    long aggregateCacheSize();

    /** Take a snapshot of an aggregate every this many events, so loading it stays fast. */
    @WithDefault("100")
    int snapshotThreshold();

    Relay relay();

    Threading threading();

    Privacy privacy();

    interface Privacy {
        /**
         * Base64 of the 256-bit AES key that wraps every customer's key. The checked-in value is for development
         * only; production sets it from a secret (THREADLINE_TICKETS_PRIVACY_MASTER_KEY).
         */
        String masterKey();
    }

    interface Threading {
        /** Which latest ticket a message without explicit references joins: any channel's, or its own channel's. */
        @WithDefault("any-channel")
        OpenTicketScope openTicketScope();

        /** How long after SOLVED a customer's message reopens the ticket instead of opening a new one. */
        @WithDefault("P7D")
        Duration reopenWindow();

        /** The domain of the Message-IDs replies carry by email, e.g. {@code <outbound-id@support.example.com>}. */
        @WithDefault("threadline.local")
        String emailMessageIdDomain();
    }

    interface Relay {
        /** Events published to Kafka before the relay waits for acknowledgements and saves its position. */
        @WithDefault("500")
        int batchSize();

        /** First pause when the change stream has nothing new; it doubles while nothing comes, up to the max. */
        @WithDefault("20MS")
        Duration idlePause();

        /** The longest pause between two reads of an idle change stream: the worst added latency after a lull. */
        @WithDefault("1S")
        Duration maxIdlePause();

        /** Pause before the relay retries after Kafka or MongoDB failed. */
        @WithDefault("2S")
        Duration retryBackoff();

        /**
         * How long the relay's lease lasts: only its holder relays, so with several replicas a standby takes over at
         * most this long after the leader died (at once after a clean shutdown, which releases it).
         */
        @WithDefault("15S")
        Duration leaseLength();

        /**
         * How often the leader renews its lease (well within its length), and how often a standby tries to take it.
         */
        @WithDefault("5S")
        Duration leaseRenewInterval();
    }
}
