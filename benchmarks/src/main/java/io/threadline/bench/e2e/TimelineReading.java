package io.threadline.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.threadline.bench.load.LoadPlan;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One full read of one customer's timeline, page by page: which of the run's messages it holds, and anything
 * that should not be there (an entry of another customer, the same message twice).
 */
public final class TimelineReading {

    private final LoadPlan plan;
    private final int customer;
    private final Map<Integer, DeliveredMessage> delivered = new LinkedHashMap<>();
    private int duplicateEntries;
    private int misplacedEntries;
    private int foreignEntries;

    public TimelineReading(LoadPlan plan, int customer) {
        this.plan = plan;
        this.customer = customer;
    }

    /**
     * Takes one page of {@code GET /api/v1/customers/{id}/timeline}.
     *
     * @return the page's {@code nextCursor}, null on the last page
     */
    public String addPage(JsonNode page) {
        for (JsonNode entry : page.path("entries")) {
            OptionalInt message = plan.messageIn(entry.path("text").asText(null));
            if (message.isEmpty()) {
                foreignEntries++;
            } else if (plan.customerOf(message.getAsInt()) != customer) {
                misplacedEntries++;
            } else {
                DeliveredMessage seen = new DeliveredMessage(message.getAsInt(), entry.path("entryId").asText(null),
                        instant(entry.path("acceptedAt")), instant(entry.path("recordedAt")));
                if (delivered.putIfAbsent(seen.message(), seen) != null) {
                    duplicateEntries++;
                }
            }
        }
        JsonNode cursor = page.path("nextCursor");
        return cursor.isTextual() && !cursor.asText().isEmpty() ? cursor.asText() : null;
    }

    public Map<Integer, DeliveredMessage> delivered() {
        return Collections.unmodifiableMap(delivered);
    }

    /** The same message on the timeline more than once: a consumer that is not idempotent. */
    public int duplicateEntries() {
        return duplicateEntries;
    }

    /** This run's messages of another customer on this customer's timeline: an identity or routing error. */
    public int misplacedEntries() {
        return misplacedEntries;
    }

    /** Entries without this run's marker; expected to be none, since every run uses fresh addresses. */
    public int foreignEntries() {
        return foreignEntries;
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
