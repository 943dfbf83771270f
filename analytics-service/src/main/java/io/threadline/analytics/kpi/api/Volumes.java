package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Tally;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many things happened")
public record Volumes(
        @Schema(description = "Tickets opened") long ticketsCreated,
        @Schema(description = "Transitions into SOLVED; a ticket solved twice counts twice") long ticketsSolved,
        @Schema(description = "Transitions from SOLVED back to an unsolved status") long ticketsReopened,
        @Schema(description = "Tickets merged into another (counted on the merged ticket)") long ticketsMerged,
        @Schema(description = "Distinct inbound customer messages, by the time the channel received them")
        long messagesReceived,
        @Schema(description = "Agent replies") long repliesSent,
        @Schema(description = "Customers registered (by the channel of their first identity)") long customersRegistered) {

    static Volumes of(Tally t) {
        return new Volumes(t.get(Counter.CREATED), t.get(Counter.SOLVED), t.get(Counter.REOPENED),
                t.get(Counter.MERGED), t.get(Counter.MESSAGES_RECEIVED), t.get(Counter.REPLIES),
                t.get(Counter.CUSTOMERS_REGISTERED));
    }
}
