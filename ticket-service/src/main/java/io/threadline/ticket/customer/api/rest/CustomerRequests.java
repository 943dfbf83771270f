package io.threadline.ticket.customer.api.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The bodies of the customer API's commands. */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    @Schema(description = "An identity to link. Never link on weak evidence such as a matching display name.")
    public record Identity(
            @Schema(example = "sms") @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a channel name")
            String channel,
            @Schema(example = "+15550100") @NotBlank @Size(max = 320) String address,
            @Schema(description = "Proven to be the customer's (e.g. a confirmation code)") boolean verified,
            @Schema(example = "customer confirmed by SMS code") @NotBlank @Size(max = 500) String evidence) {
    }

    @Schema(description = "The customer's whole profile afterwards.")
    public record Profile(
            @Schema(example = "Alice Martin") @Size(max = 200) String name,
            @Schema(example = "fr") @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag")
            String language,
            @Schema(example = "Europe/Paris") @Size(max = 64) String timeZone,
            @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,63}", message = "must be an attribute name")
                    String, @NotNull @Size(max = 1000) String> attributes) {
    }

    @Schema(description = "The customer to merge into this one (the survivor).")
    public record Merge(@Schema(example = "9a1e…") @NotBlank String mergedCustomerId) {
    }
}
