package io.threadline.history.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A customer as the history knows them: who they are and every way to reach them. After a merge it is the
 * surviving customer, with the identities of everyone merged into it.
 */
@Schema(name = "Customer", example = """
        {"customerId": "c-7f3a", "displayName": "Alice Martin",
         "identities": [{"channel": "email", "address": "alice@example.com", "verified": true}],
         "mergedCustomerIds": [], "erased": false}""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String customerId,
        String displayName,
        @Schema(description = "From the latest profile update, if any") Profile profile,
        List<CustomerIdentity> identities,
        @Schema(description = "Customers merged into this one; their histories show on its timeline")
        List<String> mergedCustomerIds,
        @Schema(description = "Personal data erased: no names, addresses or texts remain") boolean erased) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(String name, String language, String timeZone, Map<String, String> attributes) {
    }
}
