package io.threadline.analytics.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.KpiApi;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets in time zones, through a real broker: each test works in a time range of its own, so tests sharing the
 * broker and database never see each other's events. Only tickets and messages happen here, so the other volume
 * counters are 0.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class VolumeSeriesTest {

    private final EventFactory events = new EventFactory();

    @Test
    void countsAreExactPerDayAndChannelWithEndsInclusiveAndExclusive() {
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(
                    events.opened("vol-t1", "email", "2026-11-01T09:00:00Z"),
                    events.message("vol-t1", "email", "2026-11-01T09:05:00Z"),
                    events.opened("vol-t2", "chat", "2026-11-01T00:00:00Z"),
                    events.message("vol-t2", "chat", "2026-11-01T00:00:00Z"),
                    events.message("vol-t1", "email", "2026-11-01T11:00:00Z"),
                    events.opened("vol-t3", "email", "2026-11-02T08:00:00Z"),
                    events.message("vol-t3", "email", "2026-11-02T08:05:00Z"),
                    events.opened("vol-t4", "email", "2026-11-03T00:00:00Z"),
                    events.message("vol-t1", "email", "2026-11-02T12:00:00Z"));
        }
        // Window [Nov 1, Nov 3) UTC: t2 sits exactly on `from` (inclusive), t4 on `to` (exclusive).
        // Nov 1 chat: t2, one message. Nov 1 email: t1, two messages. Nov 2 email: t3, two messages (t3's, t1's).
        KpiApi.awaitReport("volumes", Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-03T00:00:00Z"), report(
                "2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", "UTC", "day", "{}", 3, 5,
                row("2026-11-01T00:00:00Z", "chat", 1, 1),
                row("2026-11-01T00:00:00Z", "email", 1, 2),
                row("2026-11-02T00:00:00Z", "email", 1, 2)));
    }

    @Test
    void channelFilterKeepsOnlyThatChannelAndWeeksStartOnMonday() {
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(
                    events.opened("flt-t1", "sms", "2027-07-05T10:00:00Z"),
                    events.message("flt-t1", "sms", "2027-07-05T10:00:00Z"),
                    events.opened("flt-t2", "whatsapp", "2027-07-05T11:00:00Z"),
                    events.message("flt-t2", "whatsapp", "2027-07-05T11:00:00Z"),
                    events.message("flt-t2", "whatsapp", "2027-07-06T09:00:00Z"));
        }
        // Every channel first, so the sms query below runs on a complete projection.
        KpiApi.awaitValue("volumes", Map.of("from", "2027-07-01T00:00:00Z", "to", "2027-08-01T00:00:00Z"),
                "/totals/messagesReceived", 3);
        JsonNode smsOnly = KpiApi.get("volumes", Map.of("from", "2027-07-01T00:00:00Z", "to", "2027-08-01T00:00:00Z",
                "channel", "sms", "interval", "week"));
        // 2027-07-05 is a Monday: the ISO week bucket starts that day.
        assertThat(smsOnly).isEqualTo(KpiApi.json(report("2027-07-01T00:00:00Z", "2027-08-01T00:00:00Z", "UTC", "week",
                "{\"channel\":\"sms\"}", 1, 1, row("2027-07-05T00:00:00Z", "sms", 1, 1))));
    }

    @Test
    void daysFollowTheRequestedZoneAcrossDaylightSavingTime() {
        try (EventPublisher publisher = new EventPublisher()) {
            // 23:30Z on March 10 is 00:30 on March 11 in Paris (UTC+1).
            publisher.publish(events.opened("tz-t1", "chat", "2027-03-10T23:30:00Z"));
            // Paris moves to UTC+2 on March 28 at 01:00Z: 22:30Z that evening is 00:30 on March 29.
            publisher.publish(events.opened("tz-t2", "chat", "2027-03-28T22:30:00Z"));
        }
        KpiApi.awaitReport("volumes", Map.of("from", "2027-03-10T00:00:00Z", "to", "2027-04-01T00:00:00Z",
                "zone", "Europe/Paris"), report("2027-03-10T00:00:00Z", "2027-04-01T00:00:00Z", "Europe/Paris", "day",
                "{}", 2, 0,
                row("2027-03-11T00:00:00+01:00", "chat", 1, 0),
                row("2027-03-29T00:00:00+02:00", "chat", 1, 0)));

        JsonNode utc = KpiApi.get("volumes", Map.of("from", "2027-03-10T00:00:00Z", "to", "2027-04-01T00:00:00Z"));
        assertThat(utc.get("series").findValuesAsText("start"))
                .containsExactly("2027-03-10T00:00:00Z", "2027-03-28T00:00:00Z");
    }

    @Test
    void hoursOfAZoneOffsetByAQuarterHourAreBucketedOnItsClock() {
        try (EventPublisher publisher = new EventPublisher()) {
            // Kathmandu is UTC+05:45: 10:10Z is 15:55 and 10:20Z is 16:05, two local hours in one UTC hour.
            publisher.publish(events.opened("ktm-t1", "telegram", "2027-05-04T10:10:00Z"),
                    events.message("ktm-t1", "telegram", "2027-05-04T10:20:00Z"));
        }
        KpiApi.awaitReport("volumes", Map.of("from", "2027-05-04T00:00:00Z", "to", "2027-05-05T00:00:00Z",
                "zone", "Asia/Kathmandu", "interval", "hour"), report("2027-05-04T00:00:00Z", "2027-05-05T00:00:00Z",
                "Asia/Kathmandu", "hour", "{}", 1, 1,
                row("2027-05-04T15:00:00+05:45", "telegram", 1, 0),
                row("2027-05-04T16:00:00+05:45", "telegram", 0, 1)));
    }

    @Test
    void withoutParametersTheReportCoversTheLastThirtyDaysInUtcByDay() {
        Instant before = Instant.now();
        JsonNode report = KpiApi.get("volumes", Map.of());
        Instant to = Instant.parse(report.get("to").asText());
        Instant from = Instant.parse(report.get("from").asText());

        // `to` is now, rounded up to the next quarter hour.
        assertThat(to).isAfter(before).isBefore(Instant.now().plus(Duration.ofMinutes(15)));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
        assertThat(report.get("zone").asText()).isEqualTo("UTC");
        assertThat(report.get("interval").asText()).isEqualTo("day");
    }

    private static String report(String from, String to, String zone, String interval, String filters,
                                 long created, long received, String... rows) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"zone\":\"" + zone + "\",\"interval\":\"" + interval
                + "\",\"filters\":" + filters + ",\"by\":\"channel\",\"totals\":" + values(created, received)
                + ",\"series\":[" + String.join(",", rows) + "]}";
    }

    private static String row(String start, String channel, long created, long received) {
        return "{\"start\":\"" + start + "\",\"channel\":\"" + channel + "\"," + values(created, received).substring(1);
    }

    private static String values(long created, long received) {
        return "{\"ticketsCreated\":" + created + ",\"ticketsSolved\":0,\"ticketsReopened\":0,\"ticketsMerged\":0,"
                + "\"messagesReceived\":" + received + ",\"repliesSent\":0,\"customersRegistered\":0}";
    }
}
