package io.threadline.history.ticket.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A customer's tickets (with those of customers merged into them), oldest first. */
@Schema(name = "CustomerTickets", example = """
        {"tickets": [{"ticketId": "t-91c2", "ticketNumber": "TL-1042", "customerId": "c-7f3a", "channel": "email",
                      "subject": "Order #4411 arrived damaged", "status": "OPEN", "priority": "NORMAL",
                      "assignee": "dev-agent", "openedAt": "2025-03-02T09:14:07.120Z",
                      "lastActivityAt": "2025-03-02T10:01:00.000Z"}]}""")
public record CustomerTickets(List<Ticket> tickets) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ticket(String ticketId, String ticketNumber, String customerId, String channel, String subject,
                         String status, String priority, String assignee, String group, List<String> tags,
                         @Schema(description = "Set when the ticket was merged into another") String mergedInto,
                         @Schema(description = "The closed ticket this one follows up") String followUpOf,
                         Instant openedAt, Instant lastActivityAt) {
    }
}
