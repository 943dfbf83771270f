package io.threadline.ticket.ticket.api.rest;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the agent API's commands. */
public final class TicketRequests {

    private TicketRequests() {
    }

    @Schema(description = "A reply to the customer. Without channel and address it goes to the channel and address "
            + "of the customer's latest message; with both, to that identity of the customer.")
    public record Reply(
            @Schema(example = "Your refund is on its way.") @NotBlank @Size(max = 100_000) String body,
            @Schema(example = "sms") @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a channel name")
            String channel,
            @Schema(example = "+15550100") @Size(min = 1, max = 320) String address) {
    }

    @Schema(description = "An internal note: agents only, never sent, never in customer-facing views.")
    public record Note(@Schema(example = "Refund approved by finance.") @NotBlank @Size(max = 100_000) String body) {
    }

    public record Status(@Schema(example = "PENDING", description = "OPEN, PENDING, ON_HOLD, SOLVED or CLOSED (final)")
                  @NotNull TicketStatus status) {
    }

    @Schema(description = "An absent assignee unassigns the ticket.")
    public record Assignee(@Schema(example = "bob") @Size(min = 1, max = 200) String assignee,
                    @Schema(example = "billing") @Size(min = 1, max = 200) String group) {
    }

    public record Priority(@Schema(example = "URGENT") @NotNull TicketPriority priority) {
    }
}
