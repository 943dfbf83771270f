package io.threadline.history.customer.graph;

/**
 * One side of a merge as one customer's events describe it: the other customer, the merge, whether it is in
 * force (false after an unmerge), and the aggregate sequence of the event that said so.
 */
public record MergeLink(String customerId, String mergeId, boolean active, long seq) {
}
