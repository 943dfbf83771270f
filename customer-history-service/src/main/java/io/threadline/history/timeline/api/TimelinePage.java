package io.threadline.history.timeline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.threadline.history.timeline.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a customer's timeline, oldest first within the page. */
@Schema(name = "TimelinePage", example = """
        {"customerId": "c-7f3a",
         "entries": [{"entryId": "e-5b1d", "customerId": "c-7f3a", "type": "MESSAGE", "direction": "INBOUND",
                      "channel": "email", "ticketId": "t-91c2", "ticketNumber": "TL-1042", "messageId": "m-1",
                      "author": {"kind": "CUSTOMER", "address": "alice@example.com", "displayName": "Alice Martin"},
                      "subject": "Order #4411 arrived damaged", "text": "The mug arrived in pieces.",
                      "attachments": [], "occurredAt": "2025-03-02T09:14:05.880Z",
                      "acceptedAt": "2025-03-02T09:14:06.002Z", "recordedAt": "2025-03-02T09:14:06.041Z"}],
         "nextCursor": null, "previousCursor": null}""")
public record TimelinePage(
        @Schema(description = "The customer asked for; after a merge the page holds the whole group's entries")
        String customerId,
        List<TimelineEntry> entries,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as cursor for the newer entries; null when none follow", nullable = true)
        String nextCursor,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as cursor for the older entries; null when none precede", nullable = true)
        String previousCursor) {
}
