package io.threadline.analytics.live;

import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.store.OpenTicketStore.OpenTicket;
import io.threadline.contracts.events.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backlog and per-agent workload computed from the column-wise snapshot, against hand-counted tickets. */
class OpenTicketsTest {

    private static final Instant AS_OF = Instant.parse("2026-11-23T12:00:00.750Z");
    private static final Dimensions CAROL_EMAIL = new Dimensions("email", "billing", "carol", "HIGH");
    private static final Dimensions CAROL_CHAT = new Dimensions("chat", "billing", "carol", "NORMAL");
    private static final Dimensions UNASSIGNED_SMS = new Dimensions("sms", null, null, "NORMAL");

    @Test
    void countsByStatusAgeAndWaitAsOfTheSnapshotInstant() {
        OpenTickets open = snapshot(List.of(
                // Age bands end exactly at 24, 72 and 168 hours: one millisecond less stays in the younger band.
                ticket(TicketStatus.NEW, ago(Duration.ofHours(24).minusMillis(1)), CAROL_EMAIL, ago(Duration.ofSeconds(90))),
                ticket(TicketStatus.NEW, ago(Duration.ofHours(24)), CAROL_EMAIL, null),
                ticket(TicketStatus.OPEN, ago(Duration.ofHours(72)), CAROL_CHAT, ago(Duration.ofMillis(3_999))),
                ticket(TicketStatus.PENDING, ago(Duration.ofHours(168).minusMillis(1)), CAROL_CHAT, null),
                ticket(TicketStatus.ON_HOLD, ago(Duration.ofHours(168)), UNASSIGNED_SMS, null),
                ticket(TicketStatus.OPEN, ago(Duration.ofDays(400)), UNASSIGNED_SMS, ago(Duration.ofDays(2)))));

        Backlog all = open.backlog(Map.of());

        assertThat(all.asOf()).isEqualTo(AS_OF);
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.byStatus()).containsExactly(Map.entry("NEW", 2L), Map.entry("OPEN", 2L),
                Map.entry("PENDING", 1L), Map.entry("ON_HOLD", 1L));
        assertThat(all.byAge()).containsExactly(Map.entry("under1Day", 1L), Map.entry("from1To3Days", 1L),
                Map.entry("from3To7Days", 2L), Map.entry("over7Days", 2L));
        assertThat(all.awaitingReply()).isEqualTo(3);
        // The oldest wait is the two days of the 400-day-old ticket: 2 × 86,400 s.
        assertThat(all.oldestUnansweredSeconds()).isEqualTo(172_800L);
    }

    @Test
    void filtersMatchEveryGivenDimension() {
        OpenTickets open = snapshot(List.of(
                ticket(TicketStatus.NEW, ago(Duration.ofHours(1)), CAROL_EMAIL, ago(Duration.ofSeconds(1_500))),
                ticket(TicketStatus.OPEN, ago(Duration.ofHours(1)), CAROL_CHAT, ago(Duration.ofMillis(3_999))),
                ticket(TicketStatus.OPEN, ago(Duration.ofHours(1)), UNASSIGNED_SMS, null)));

        Backlog carolsChats = open.backlog(Map.of(Dimension.AGENT, "carol", Dimension.CHANNEL, "chat"));
        // 3,999 ms is 3 whole seconds.
        assertThat(carolsChats.total()).isEqualTo(1);
        assertThat(carolsChats.oldestUnansweredSeconds()).isEqualTo(3L);

        Backlog unassigned = open.backlog(Map.of(Dimension.AGENT, Dimensions.NONE));
        assertThat(unassigned.total()).isEqualTo(1);
        assertThat(unassigned.awaitingReply()).isZero();
        assertThat(unassigned.oldestUnansweredSeconds()).isNull();

        Backlog nobody = open.backlog(Map.of(Dimension.GROUP, "sales"));
        assertThat(nobody).isEqualTo(Backlog.empty(AS_OF));
        assertThat(nobody.byStatus()).containsExactly(Map.entry("NEW", 0L), Map.entry("OPEN", 0L),
                Map.entry("PENDING", 0L), Map.entry("ON_HOLD", 0L));
    }

    @Test
    void perAgentBacklogsHoldOnlyAgentsWithMatchingTickets() {
        OpenTickets open = snapshot(List.of(
                ticket(TicketStatus.NEW, ago(Duration.ofHours(1)), CAROL_EMAIL, null),
                ticket(TicketStatus.OPEN, ago(Duration.ofHours(30)), CAROL_CHAT, null),
                ticket(TicketStatus.OPEN, ago(Duration.ofHours(1)), UNASSIGNED_SMS, null)));

        Map<String, Backlog> byAgent = open.backlogByAgent(Map.of());
        assertThat(byAgent).containsOnlyKeys("-", "carol");
        assertThat(byAgent.get("carol").byStatus()).containsEntry("NEW", 1L).containsEntry("OPEN", 1L);
        assertThat(byAgent.get("-").total()).isEqualTo(1);

        assertThat(open.backlogByAgent(Map.of(Dimension.CHANNEL, "email"))).containsOnlyKeys("carol");
    }

    @Test
    void aLargeBacklogKeepsEveryTicketAndEachDistinctDimensionOnce() {
        OpenTickets.Collector collector = OpenTickets.collector();
        int tickets = 5_000;
        for (int i = 0; i < tickets; i++) {
            // Five agents, tickets opened 0..4,999 hours ago.
            Dimensions dims = new Dimensions("email", "g", "agent-" + (i % 5), "NORMAL");
            collector.accept(ticket(TicketStatus.OPEN, ago(Duration.ofHours(i)), dims, null));
        }
        OpenTickets open = collector.build(1, AS_OF);

        assertThat(open.size()).isEqualTo(tickets);
        // Hours 0-23 under a day, 24-71 one to three, 72-167 three to seven, 168-4,999 over seven.
        assertThat(open.backlog(Map.of()).byAge()).containsExactly(Map.entry("under1Day", 24L),
                Map.entry("from1To3Days", 48L), Map.entry("from3To7Days", 96L), Map.entry("over7Days", 4_832L));
        assertThat(open.backlog(Map.of(Dimension.AGENT, "agent-3")).total()).isEqualTo(1_000);
    }

    private static OpenTickets snapshot(List<OpenTicket> tickets) {
        OpenTickets.Collector collector = OpenTickets.collector();
        tickets.forEach(collector);
        return collector.build(1, AS_OF);
    }

    private static Instant ago(Duration age) {
        return AS_OF.minus(age);
    }

    private static OpenTicket ticket(TicketStatus status, Instant openedAt, Dimensions dims, Instant awaitingSince) {
        return new OpenTicket("t", status, openedAt, dims, awaitingSince);
    }
}
