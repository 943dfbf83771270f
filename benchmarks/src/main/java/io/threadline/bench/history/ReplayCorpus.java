package io.threadline.bench.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.IntegrationEvent;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * The events a replay serves, already serialized: {@code events} over {@code customers}, in event-store order
 * (by time). Each customer registers, then lives through tickets of {@link SyntheticEvents#CYCLE} steps, one event
 * every two hours from a start spread over a year, so at any moment a few hundred customers are active and their
 * events interleave as in a real store.
 */
final class ReplayCorpus {

    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration STEP = Duration.ofHours(2);

    private final byte[][] events;
    private final long timelineEntries;

    private ReplayCorpus(byte[][] events, long timelineEntries) {
        this.events = events;
        this.timelineEntries = timelineEntries;
    }

    static ReplayCorpus generate(String runId, int events, int customers, Instant start, ObjectMapper json,
                                 PrintStream progress) {
        SyntheticEvents factory = new SyntheticEvents(json);
        long spacing = YEAR.toSeconds() / customers;
        // Next event of each customer, ordered by its time: {time in seconds from start, customer, event index}.
        PriorityQueue<long[]> next = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (int c = 0; c < customers; c++) {
            next.add(new long[]{c * spacing, c, 0});
        }
        byte[][] serialized = new byte[events][];
        long entries = 0;
        for (int i = 0; i < events; i++) {
            long[] head = next.poll();
            int customer = (int) head[1];
            int k = (int) head[2];
            int count = events / customers + (customer < events % customers ? 1 : 0);
            Instant at = start.plusSeconds(head[0]);
            String customerId = "hb" + runId + "-c" + customer;
            IntegrationEvent event;
            if (k == 0) {
                event = factory.registered(customerId, customerId + "@example.com", at);
            } else {
                int step = k - 1;
                int ticket = step / SyntheticEvents.CYCLE;
                String ticketId = customerId + "-t" + ticket;
                event = factory.ticketStep(customerId, ticketId, "HB-" + customer + "-" + ticket, step,
                        step % SyntheticEvents.CYCLE + 1, at);
                entries += SyntheticEvents.addsEntry(step) ? 1 : 0;
            }
            serialized[i] = bytes(json, event);
            if (k + 1 < count) {
                next.add(new long[]{head[0] + STEP.toSeconds(), customer, k + 1});
            }
            if ((i + 1) % 200_000 == 0) {
                progress.printf(Locale.ROOT, "      generated %,d events%n", i + 1);
            }
        }
        return new ReplayCorpus(serialized, entries);
    }

    int size() {
        return events.length;
    }

    byte[] event(int index) {
        return events[index];
    }

    /** How many timeline entries a complete projection of the corpus holds. */
    long timelineEntries() {
        return timelineEntries;
    }

    private static byte[] bytes(ObjectMapper json, IntegrationEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
