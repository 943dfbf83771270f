package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A merge was undone: applied on both; the moved identities went back to the formerly merged customer. */
@Revision("1")
public record CustomersUnmergedEvent(String customerId, String survivorCustomerId, String mergedCustomerId,
                                     String mergeId, @PersonalData(owner = "mergedCustomerId") List<CustomerIdentity> returnedIdentities,
                                     String unmergedBy) {

    public CustomersUnmergedEvent {
        // Absent once the formerly merged customer is erased.
        returnedIdentities = returnedIdentities == null ? List.of() : returnedIdentities;
    }
}
