package io.threadline.ticket.ticket.query;

import java.util.List;

/** One page of the ticket list, most recently updated first; {@code nextCursor} is null on the last page. */
public record TicketPage(List<TicketSummary> items, String nextCursor) {
}
