package io.threadline.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.bench.LatencyReport;
import io.threadline.bench.load.LoadPlan;
import io.threadline.contracts.ContractJson;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** From timeline pages as customer-history-service answers them to the end-to-end figures. */
class TimelineLatencyTest {

    private final ObjectMapper json = ContractJson.newMapper();
    /** Two customers; customer 0 sends messages 0, 2 and 4, customer 1 sends 1 and 3. */
    private final LoadPlan plan = new LoadPlan("11112222", 2, 5, List.of("email", "sms"));

    @Test
    void readsTheRunsEntriesAcrossPagesWithTheirTimestamps() throws Exception {
        TimelineReading reading = new TimelineReading(plan, 0);

        String cursor = reading.addPage(page("c-1", "p2",
                entry("e-0", 0, "2026-01-05T10:00:00.000Z", "2026-01-05T10:00:00.120Z"),
                entry("e-2", 2, "2026-01-05T10:00:01.000Z", "2026-01-05T10:00:01.045Z")));
        assertThat(cursor).isEqualTo("p2");
        cursor = reading.addPage(page("c-1", null,
                entry("e-4", 4, "2026-01-05T10:00:02.000Z", "2026-01-05T10:00:02.900Z")));

        assertThat(cursor).isNull();
        assertThat(reading.delivered()).containsOnlyKeys(0, 2, 4);
        assertThat(reading.delivered().get(4)).isEqualTo(new DeliveredMessage(4, "e-4",
                Instant.parse("2026-01-05T10:00:02Z"), Instant.parse("2026-01-05T10:00:02.900Z")));
        assertThat(reading.delivered().get(2).latency()).isEqualTo(Duration.ofMillis(45));
        assertThat(reading.duplicateEntries()).isZero();
        assertThat(reading.misplacedEntries()).isZero();
        assertThat(reading.foreignEntries()).isZero();
    }

    @Test
    void countsEntriesThatShouldNotBeThere() throws Exception {
        TimelineReading reading = new TimelineReading(plan, 0);

        reading.addPage(page("c-1", null,
                entry("e-0", 0, "2026-01-05T10:00:00Z", "2026-01-05T10:00:00.100Z"),
                entry("e-0b", 0, "2026-01-05T10:00:00Z", "2026-01-05T10:00:00.300Z"),
                entry("e-1", 1, "2026-01-05T10:00:00Z", "2026-01-05T10:00:00.100Z"),
                json.readTree("""
                        {"entryId": "e-x", "type": "MESSAGE", "text": "Hello from an older run",
                         "acceptedAt": "2026-01-01T00:00:00Z", "recordedAt": "2026-01-01T00:00:01Z"}""")));

        assertThat(reading.delivered()).containsOnlyKeys(0);
        assertThat(reading.delivered().get(0).entryId()).isEqualTo("e-0");
        assertThat(reading.duplicateEntries()).isEqualTo(1);
        assertThat(reading.misplacedEntries()).isEqualTo(1);
        assertThat(reading.foreignEntries()).isEqualTo(1);
    }

    @Test
    void latencyThroughputAndDrainComeFromTheSystemsTimestamps() throws Exception {
        TimelineReading first = new TimelineReading(plan, 0);
        first.addPage(page("c-1", null,
                entry("e-0", 0, "2026-01-05T10:00:00.000Z", "2026-01-05T10:00:00.100Z"),
                entry("e-2", 2, "2026-01-05T10:00:00.500Z", "2026-01-05T10:00:00.700Z"),
                entry("e-4", 4, "2026-01-05T10:00:01.000Z", "2026-01-05T10:00:01.300Z")));
        TimelineReading second = new TimelineReading(plan, 1);
        second.addPage(page("c-2", null,
                entry("e-1", 1, "2026-01-05T10:00:00.200Z", "2026-01-05T10:00:00.600Z"),
                entry("e-3", 3, "2026-01-05T10:00:01.200Z", "2026-01-05T10:00:01.700Z")));
        EndToEndLatency latency = new EndToEndLatency();

        for (TimelineReading reading : List.of(first, second)) {
            reading.delivered().values().forEach(latency::add);
        }

        // Latencies 100, 200, 300, 400, 500 ms.
        LatencyReport report = LatencyReport.of(latency.millis(), 1);
        assertThat(report.count()).isEqualTo(5);
        assertThat(report.p50()).isEqualTo(300);
        assertThat(report.p95()).isEqualTo(500);
        assertThat(report.max()).isEqualTo(500);
        assertThat(latency.firstAcceptedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(latency.lastAcceptedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:01.200Z"));
        assertThat(latency.lastRecordedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:01.700Z"));
        assertThat(latency.drainAfterLastAccept()).isEqualTo(Duration.ofMillis(500));
        // 5 messages from the first accept to the last record, 1.7 s.
        assertThat(latency.throughputPerSecond()).isCloseTo(5 / 1.7, Offset.offset(1e-9));
        // Stored at 0.1, 0.6, 0.7, 1.3 and 1.7 s after the first accept.
        assertThat(latency.recordedBy(0.2)).isEqualTo(Duration.ofMillis(100));
        assertThat(latency.recordedBy(0.5)).isEqualTo(Duration.ofMillis(700));
        assertThat(latency.recordedBy(0.75)).isEqualTo(Duration.ofMillis(1300));
        assertThat(latency.recordedBy(1)).isEqualTo(Duration.ofMillis(1700));
    }

    @Test
    void entriesWithoutTimestampsAreVisibleButNotTimed() throws Exception {
        TimelineReading reading = new TimelineReading(plan, 1);
        reading.addPage(json.readTree("""
                {"customerId": "c-2", "entries": [
                  {"entryId": "e-1", "text": "%s", "acceptedAt": null, "recordedAt": "2026-01-05T10:00:00Z"},
                  {"entryId": "e-3", "text": "%s", "acceptedAt": "yesterday", "recordedAt": "2026-01-05T10:00:00Z"}],
                 "nextCursor": null}""".formatted(plan.textOf(1), plan.textOf(3))));
        EndToEndLatency latency = new EndToEndLatency();

        reading.delivered().values().forEach(latency::add);

        assertThat(reading.delivered()).containsOnlyKeys(1, 3);
        assertThat(latency.withoutTimes()).isEqualTo(2);
        assertThat(latency.timed()).isZero();
        assertThat(latency.throughputPerSecond()).isZero();
        assertThat(latency.drainAfterLastAccept()).isEqualTo(Duration.ZERO);
        assertThat(LatencyReport.of(latency.millis(), 1).text()).isEqualTo("no samples");
    }

    private JsonNode page(String customerId, String nextCursor, JsonNode... entries) {
        var page = json.createObjectNode().put("customerId", customerId);
        page.putArray("entries").addAll(List.of(entries));
        if (nextCursor == null) {
            page.putNull("nextCursor");
        } else {
            page.put("nextCursor", nextCursor);
        }
        return page;
    }

    /** An entry shaped like customer-history-service's TimelineEntry. */
    private JsonNode entry(String entryId, int message, String acceptedAt, String recordedAt) throws Exception {
        int customer = plan.customerOf(message);
        return json.readTree("""
                {"entryId": "%s", "type": "MESSAGE", "direction": "INBOUND", "channel": "%s",
                 "ticketId": "t-1", "ticketNumber": "TL-1001",
                 "author": {"address": "%s", "displayName": "%s"},
                 "subject": null, "text": "%s", "attachments": [],
                 "occurredAt": "%s", "acceptedAt": "%s", "recordedAt": "%s"}""".formatted(
                entryId, plan.channelOf(customer), plan.addressOf(customer), plan.displayNameOf(customer),
                plan.textOf(message), acceptedAt, acceptedAt, recordedAt));
    }
}
