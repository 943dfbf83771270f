package io.threadline.analytics.volume.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.TicketEventProducer;
import io.threadline.analytics.VolumeApi;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.threadline.analytics.TicketEventProducer.messageReceived;
import static io.threadline.analytics.TicketEventProducer.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through a real broker: events on ticket.events, the projection, the report. Each test works in a
 * time range of its own, so tests sharing the broker and database never see each other's events.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class VolumeResourceTest {

    @Test
    void countsAreExactPerDayAndChannelAndRedeliveriesCountOnce() {
        IntegrationEvent t1 = ticketOpened("vol-t1", "email", at("2026-11-01T09:00:00Z"));
        IntegrationEvent t2 = ticketOpened("vol-t2", "chat", at("2026-11-01T00:00:00Z"));
        IntegrationEvent t3 = ticketOpened("vol-t3", "email", at("2026-11-02T08:00:00Z"));
        IntegrationEvent t4 = ticketOpened("vol-t4", "email", at("2026-11-03T00:00:00Z"));
        IntegrationEvent m1 = messageReceived("vol-t1", "vol-m1", "email", at("2026-11-01T09:05:00Z"));
        IntegrationEvent m2 = messageReceived("vol-t2", "vol-m2", "chat", at("2026-11-01T00:00:00Z"));
        IntegrationEvent m3 = messageReceived("vol-t1", "vol-m3", "email", at("2026-11-01T11:00:00Z"));
        IntegrationEvent m4 = messageReceived("vol-t3", "vol-m4", "email", at("2026-11-02T08:05:00Z"));
        IntegrationEvent m5 = messageReceived("vol-t1", "vol-m5", "email", at("2026-11-02T12:00:00Z"));
        IntegrationEvent m6 = messageReceived("vol-t4", "vol-m6", "email", at("2026-11-03T00:00:00Z"));
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.send(t1, m1, t2, m2, m3, t3, m4, t4, m6);
            // Redeliveries of t1 and m1, then m5 on the same key: once m5 shows, both were processed before it.
            producer.send(t1, m1, m5);
        }

        // Window [Nov 1, Nov 3) in UTC; t2 and m2 sit exactly on `from` (inclusive), t4 and m6 on `to` (exclusive).
        // Nov 1 chat:  tickets t2 = 1; messages m2 = 1.
        // Nov 1 email: tickets t1 = 1 (its redelivery adds nothing); messages m1, m3 = 2 (m1's redelivery adds nothing).
        // Nov 2 email: tickets t3 = 1; messages m4, m5 = 2.
        // Totals: tickets 1 + 1 + 1 = 3; messages 1 + 2 + 2 = 5.
        VolumeApi.awaitReport(Map.of("from", "2026-11-01T00:00:00Z", "to", "2026-11-03T00:00:00Z"), """
                {"from":"2026-11-01T00:00:00Z","to":"2026-11-03T00:00:00Z","zone":"UTC","interval":"day",
                 "totals":{"ticketsCreated":3,"messagesReceived":5},
                 "series":[
                   {"start":"2026-11-01T00:00:00Z","channel":"chat","ticketsCreated":1,"messagesReceived":1},
                   {"start":"2026-11-01T00:00:00Z","channel":"email","ticketsCreated":1,"messagesReceived":2},
                   {"start":"2026-11-02T00:00:00Z","channel":"email","ticketsCreated":1,"messagesReceived":2}]}""");
    }

    @Test
    void channelFilterKeepsOnlyThatChannel() {
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            producer.send(
                    ticketOpened("flt-t1", "sms", at("2027-07-05T10:00:00Z")),
                    messageReceived("flt-t1", "flt-m1", "sms", at("2027-07-05T10:00:00Z")),
                    ticketOpened("flt-t2", "whatsapp", at("2027-07-05T11:00:00Z")),
                    messageReceived("flt-t2", "flt-m2", "whatsapp", at("2027-07-05T11:00:00Z")),
                    messageReceived("flt-t2", "flt-m3", "whatsapp", at("2027-07-06T09:00:00Z")));
        }
        Map<String, String> window = Map.of("from", "2027-07-01T00:00:00Z", "to", "2027-08-01T00:00:00Z");

        // Every channel first, so the sms query below runs on a complete projection.
        VolumeApi.awaitReport(window, """
                {"from":"2027-07-01T00:00:00Z","to":"2027-08-01T00:00:00Z","zone":"UTC","interval":"day",
                 "totals":{"ticketsCreated":2,"messagesReceived":3},
                 "series":[
                   {"start":"2027-07-05T00:00:00Z","channel":"sms","ticketsCreated":1,"messagesReceived":1},
                   {"start":"2027-07-05T00:00:00Z","channel":"whatsapp","ticketsCreated":1,"messagesReceived":1},
                   {"start":"2027-07-06T00:00:00Z","channel":"whatsapp","ticketsCreated":0,"messagesReceived":1}]}""");
        JsonNode smsOnly = VolumeApi.get(Map.of("from", "2027-07-01T00:00:00Z", "to", "2027-08-01T00:00:00Z",
                "channel", "sms", "interval", "week"));
        // 2027-07-05 is a Monday: the ISO week bucket starts that day.
        assertThat(smsOnly).isEqualTo(VolumeApi.json("""
                {"from":"2027-07-01T00:00:00Z","to":"2027-08-01T00:00:00Z","zone":"UTC","interval":"week",
                 "totals":{"ticketsCreated":1,"messagesReceived":1},
                 "series":[{"start":"2027-07-05T00:00:00Z","channel":"sms","ticketsCreated":1,"messagesReceived":1}]}"""));
    }

    @Test
    void daysFollowTheRequestedZoneAcrossDaylightSavingTime() {
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            // 23:30Z on March 10 is 00:30 on March 11 in Paris (UTC+1).
            producer.send(ticketOpened("tz-t1", "chat", at("2027-03-10T23:30:00Z")));
            // Paris moves to UTC+2 on March 28 at 01:00Z: 22:30Z that evening is 00:30 on March 29.
            producer.send(ticketOpened("tz-t2", "chat", at("2027-03-28T22:30:00Z")));
        }
        VolumeApi.awaitReport(Map.of("from", "2027-03-10T00:00:00Z", "to", "2027-04-01T00:00:00Z",
                "zone", "Europe/Paris"), """
                {"from":"2027-03-10T00:00:00Z","to":"2027-04-01T00:00:00Z","zone":"Europe/Paris","interval":"day",
                 "totals":{"ticketsCreated":2,"messagesReceived":0},
                 "series":[
                   {"start":"2027-03-11T00:00:00+01:00","channel":"chat","ticketsCreated":1,"messagesReceived":0},
                   {"start":"2027-03-29T00:00:00+02:00","channel":"chat","ticketsCreated":1,"messagesReceived":0}]}""");

        JsonNode utc = VolumeApi.get(Map.of("from", "2027-03-10T00:00:00Z", "to", "2027-04-01T00:00:00Z"));
        assertThat(utc.get("series").findValuesAsText("start"))
                .containsExactly("2027-03-10T00:00:00Z", "2027-03-28T00:00:00Z");
    }

    @Test
    void hoursOfAZoneOffsetByAQuarterHourAreBucketedOnItsClock() {
        try (TicketEventProducer producer = TicketEventProducer.connect()) {
            // Kathmandu is UTC+05:45: 10:10Z is 15:55 and 10:20Z is 16:05, two local hours in one UTC hour.
            producer.send(ticketOpened("ktm-t1", "telegram", at("2027-05-04T10:10:00Z")),
                    messageReceived("ktm-t1", "ktm-m1", "telegram", at("2027-05-04T10:20:00Z")));
        }
        VolumeApi.awaitReport(Map.of("from", "2027-05-04T00:00:00Z", "to", "2027-05-05T00:00:00Z",
                "zone", "Asia/Kathmandu", "interval", "hour"), """
                {"from":"2027-05-04T00:00:00Z","to":"2027-05-05T00:00:00Z","zone":"Asia/Kathmandu","interval":"hour",
                 "totals":{"ticketsCreated":1,"messagesReceived":1},
                 "series":[
                   {"start":"2027-05-04T15:00:00+05:45","channel":"telegram","ticketsCreated":1,"messagesReceived":0},
                   {"start":"2027-05-04T16:00:00+05:45","channel":"telegram","ticketsCreated":0,"messagesReceived":1}]}""");
    }

    @Test
    void withoutParametersTheReportCoversTheLastThirtyDaysInUtcByDay() {
        Instant before = Instant.now();
        JsonNode report = VolumeApi.get(Map.of());
        Instant to = Instant.parse(report.get("to").asText());
        Instant from = Instant.parse(report.get("from").asText());

        assertThat(to).isBetween(before, Instant.now());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(30));
        assertThat(report.get("zone").asText()).isEqualTo("UTC");
        assertThat(report.get("interval").asText()).isEqualTo("day");
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
