package io.threadline.contracts.events;

/**
 * An agent replied; the reply went to {@code channel.outbound} as the outbound message {@code outboundId},
 * whose delivery {@code channel.delivery} reports.
 */
public record ReplyRequested(
        String ticketId,
        String ticketNumber,
        String outboundId,
        String author,
        String channel,
        String recipient,
        String subject,
        String text) {
}
