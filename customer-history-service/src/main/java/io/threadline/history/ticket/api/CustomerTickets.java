package io.threadline.history.ticket.api;

import io.threadline.history.ticket.TicketSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A customer's tickets, oldest first. */
@Schema(name = "CustomerTickets", example = """
        {"tickets": [{"ticketId": "t-91c2", "ticketNumber": "TL-1042", "channel": "email",
                      "subject": "Order #4411 arrived damaged", "openedAt": "2025-03-02T09:14:07.120Z"}]}""")
public record CustomerTickets(List<TicketSummary> tickets) {
}
