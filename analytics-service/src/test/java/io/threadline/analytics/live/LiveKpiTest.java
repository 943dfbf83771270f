package io.threadline.analytics.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.KpiApi;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live KPIs (backlog, workload, Prometheus gauges) from events published to a real broker. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class LiveKpiTest {

    private static final Pattern OLDEST = Pattern.compile(
            "(?m)^threadline_analytics_oldest_unanswered_message_age_seconds(?:\\{[^}]*})? (\\S+)$");

    private final EventFactory events = new EventFactory();

    @Test
    void backlogWorkloadAndGaugesFollowTheOpenTickets() {
        String group = "live-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String twoHoursAgo = now.minus(Duration.ofHours(2)).toString();
        String fourDaysAgo = now.minus(Duration.ofDays(4)).toString();
        try (EventPublisher publisher = new EventPublisher()) {
            // L1: new, unanswered for two hours. L2: open four days, answered. L3: solved, out of the backlog.
            publisher.publish(
                    events.opened(group + "-1", "email", twoHoursAgo),
                    events.message(group + "-1", "email", twoHoursAgo),
                    events.assigned(group + "-1", group, "carol", twoHoursAgo),
                    events.opened(group + "-2", "chat", fourDaysAgo),
                    events.message(group + "-2", "chat", fourDaysAgo),
                    events.assigned(group + "-2", group, "carol", fourDaysAgo),
                    events.status(group + "-2", TicketStatus.NEW, TicketStatus.OPEN, fourDaysAgo),
                    events.reply(group + "-2", now.minus(Duration.ofDays(3)).toString()),
                    events.opened(group + "-3", "sms", fourDaysAgo),
                    events.assigned(group + "-3", group, "dave", fourDaysAgo),
                    events.status(group + "-3", TicketStatus.NEW, TicketStatus.SOLVED, now.minus(Duration.ofDays(1)).toString()));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode backlog = KpiApi.get("backlog", Map.of("group", group));
            // L3 was solved: only L1 and L2 remain.
            assertThat(backlog.get("total").asLong()).isEqualTo(2);
            assertThat(backlog.get("byStatus")).isEqualTo(KpiApi.json("{\"NEW\":1,\"OPEN\":1,\"PENDING\":0,\"ON_HOLD\":0}"));
            assertThat(backlog.get("byAge")).isEqualTo(KpiApi.json(
                    "{\"under1Day\":1,\"from1To3Days\":0,\"from3To7Days\":1,\"over7Days\":0}"));
            assertThat(backlog.get("awaitingReply").asLong()).isEqualTo(1);
            assertThat(backlog.get("oldestUnansweredSeconds").asLong()).isBetween(7200L, 7200L + 120);
        });

        // carol: L1 and L2 open, L2's reply in the window; dave: nothing open, L3's solve in the window. L3 may sit
        // on another partition than L1 and L2: wait for it too.
        Map<String, String> window = Map.of("group", group,
                "from", now.minus(Duration.ofDays(5)).toString(), "to", now.plus(Duration.ofHours(1)).toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(KpiApi.get("workload", window))
                .isEqualTo(KpiApi.json("""
                [{"agent":"carol","openTickets":2,"openByStatus":{"NEW":1,"OPEN":1,"PENDING":0,"ON_HOLD":0},
                  "repliesSent":1,"ticketsSolved":0},
                 {"agent":"dave","openTickets":0,"openByStatus":{"NEW":0,"OPEN":0,"PENDING":0,"ON_HOLD":0},
                  "repliesSent":0,"ticketsSolved":1}]""")));

        // The gauge covers every open ticket of the service: at least L1's two hours.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(oldestUnansweredGauge()).isGreaterThanOrEqualTo(7200));
    }

    private static double oldestUnansweredGauge() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = OLDEST.matcher(metrics);
        assertThat(gauge.find()).as("oldest unanswered gauge in /q/metrics: "
                + metrics.lines().filter(l -> l.contains("oldest")).toList()).isTrue();
        return Double.parseDouble(gauge.group(1));
    }
}
