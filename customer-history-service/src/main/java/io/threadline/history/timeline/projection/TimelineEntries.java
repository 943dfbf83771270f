package io.threadline.history.timeline.projection;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.history.timeline.TimelineEntry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds timeline entries from integration events. Pure: no I/O, no clock. */
public final class TimelineEntries {

    private TimelineEntries() {
    }

    /**
     * The entry of a customer's inbound message. Its id is the event id, so a redelivery maps to the same entry.
     * Times are cut to milliseconds, the precision of BSON dates, so the stored entry equals the one built here.
     */
    public static TimelineEntry inboundMessage(IntegrationEvent event, MessageReceived message, Instant recordedAt) {
        if (isBlank(event.eventId()) || isBlank(event.customerId())) {
            throw new IllegalArgumentException("MessageReceived " + event.eventId() + " lacks an eventId or a customerId");
        }
        Instant occurredAt = message.receivedAt() != null ? message.receivedAt() : event.occurredAt();
        if (occurredAt == null) {
            throw new IllegalArgumentException("MessageReceived " + event.eventId() + " has neither receivedAt nor occurredAt");
        }
        return new TimelineEntry(
                event.eventId(),
                TimelineEntry.Type.MESSAGE,
                TimelineEntry.Direction.INBOUND,
                message.channel(),
                message.ticketId() != null ? message.ticketId() : event.aggregateId(),
                message.ticketNumber(),
                message.sender() == null ? null
                        : new TimelineEntry.Author(message.sender().address(), message.sender().displayName()),
                message.subject(),
                message.text(),
                message.attachments() == null ? List.of() : message.attachments().stream()
                        .map(a -> new TimelineEntry.Attachment(a.name(), a.contentType(), a.size(), a.sha256(), a.location()))
                        .toList(),
                millis(occurredAt),
                millis(message.acceptedAt()),
                millis(recordedAt));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
