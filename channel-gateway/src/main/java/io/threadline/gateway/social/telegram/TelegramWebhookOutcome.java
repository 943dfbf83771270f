package io.threadline.gateway.social.telegram;

/**
 * The answer to one update: the message's provider id and whether it was newly published or seen before, or
 * {@code ignored} for an update that carries nothing to publish.
 */
public record TelegramWebhookOutcome(String providerMessageId, boolean published, boolean duplicate,
                                     boolean ignored) {

    static TelegramWebhookOutcome nothingToPublish() {
        return new TelegramWebhookOutcome(null, false, false, true);
    }
}
