package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Two customers turned out to be one person: applied on both ({@code customerId} says which one this is). The
 * merged customer's identities moved to the survivor.
 */
@Revision("1")
public record CustomersMergedEvent(String customerId, String survivorCustomerId, String mergedCustomerId,
                                   String mergeId, @PersonalData List<CustomerIdentity> movedIdentities, String mergedBy) {
}
