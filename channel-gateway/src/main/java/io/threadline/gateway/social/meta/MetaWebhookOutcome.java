package io.threadline.gateway.social.meta;

/**
 * The answer to one webhook call: messages newly published, messages seen before, receipts published for our
 * replies, and events acknowledged without anything to do (unknown kinds, echoes, statuses of others' messages).
 */
public record MetaWebhookOutcome(int published, int duplicates, int receipts, int ignored) {
}
