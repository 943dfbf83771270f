package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Two customers turned out to be one person: applied on both ({@code customerId} says which one this is). The
 * merged customer's identities moved to the survivor; they stay the merged customer's personal data (sealed with its
 * key), so erasing it after an unmerge leaves none of its addresses in the survivor's events.
 */
@Revision("1")
public record CustomersMergedEvent(String customerId, String survivorCustomerId, String mergedCustomerId,
                                   String mergeId, @PersonalData(owner = "mergedCustomerId") List<CustomerIdentity> movedIdentities,
                                   String mergedBy) {

    public CustomersMergedEvent {
        // Absent once the merged customer is erased.
        movedIdentities = movedIdentities == null ? List.of() : movedIdentities;
    }
}
