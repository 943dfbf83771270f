package io.threadline.ticket.ticket.api.rest;

import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    @Schema(description = "The ticket's tags afterwards: the whole set (an empty list removes every tag).")
    public record Tags(@Schema(example = "[\"billing\", \"vip\"]") @NotNull @Size(max = 50)
                       List<@NotNull @Pattern(regexp = TAG, message = "must be 1-50 letters, digits or _-:.") String> tags) {
    }

    @Schema(description = "Custom fields to set; a field given as null is removed, fields not named stay as they are.")
    public record Fields(@Schema(example = "{\"orderId\": \"4411\", \"plan\": null}") @NotNull @Size(min = 1, max = 100)
                         Map<@Pattern(regexp = FIELD_NAME, message = "must be a field name (letters, digits, _-)") String,
                                 @Size(max = 1000) String> fields) {
    }

    @Schema(description = "The ticket that continues the conversation; this one (the duplicate) closes, linked to it.")
    public record Merge(@Schema(example = "5f0c…") @NotBlank String targetTicketId) {
    }

    @Schema(description = "A customer's answer to a satisfaction survey: CSAT scores 1-5, NPS scores 0-10.")
    public record SurveyAnswer(
            @Schema(example = "csat-2026-11-02-TL-1042") @NotBlank @Size(max = 200) String surveyId,
            @Schema(example = "CSAT") @NotNull SurveyKind kind,
            @Schema(example = "5") @NotNull Integer score,
            @Schema(example = "Quick and kind.") @Size(max = 10_000) String comment,
            @Schema(description = "When the customer answered; now if absent") Instant answeredAt) {
    }

    static final String TAG = "[\\p{L}\\p{N}_\\-:.]{1,50}";
    static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9_-]{0,63}";
}
