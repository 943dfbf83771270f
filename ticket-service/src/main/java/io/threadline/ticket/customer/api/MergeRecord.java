package io.threadline.ticket.customer.api;

import java.util.List;

/** A merge the survivor absorbed: which customer, and the identities that moved (returned on unmerge). */
public record MergeRecord(String mergeId, String mergedCustomerId, List<CustomerIdentity> identities) {
}
