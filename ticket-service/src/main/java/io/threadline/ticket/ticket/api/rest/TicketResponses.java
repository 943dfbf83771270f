package io.threadline.ticket.ticket.api.rest;

/** What the agent API's commands answer, besides the new ETag header. */
public final class TicketResponses {

    private TicketResponses() {
    }

    /** A reply accepted for delivery: {@code channel.delivery} reports on {@code outboundId} later. */
    public record ReplyAccepted(String ticketId, String outboundId, long version) {
    }

    public record NoteAdded(String ticketId, String noteId, long version) {
    }

    public record TicketMerged(String ticketId, String mergedInto, long version) {
    }

    public record TicketChanged(String ticketId, long version) {
    }
}
