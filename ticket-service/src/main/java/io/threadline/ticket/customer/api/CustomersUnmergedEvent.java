package io.threadline.ticket.customer.api;

import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A merge was undone: applied on both; the moved identities went back to the formerly merged customer. */
@Revision("1")
public record CustomersUnmergedEvent(String customerId, String survivorCustomerId, String mergedCustomerId,
                                     String mergeId, @PersonalData List<CustomerIdentity> returnedIdentities, String unmergedBy) {
}
