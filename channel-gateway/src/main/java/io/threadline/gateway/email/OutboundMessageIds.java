package io.threadline.gateway.email;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The Message-IDs of replies: {@code <outboundId@domain>}, derived from the outbound id so that a redelivered
 * reply keeps its id and a bounce leads back to the reply it reports on.
 */
@ApplicationScoped
public class OutboundMessageIds {

    private final String suffix;

    public OutboundMessageIds(EmailConfig config) {
        this.suffix = "@" + config.messageIdDomain() + ">";
    }

    public String of(String outboundId) {
        return "<" + outboundId + suffix;
    }

    public Optional<String> outboundIdOf(String messageId) {
        if (messageId == null || !messageId.startsWith("<") || !messageId.endsWith(suffix)
                || messageId.length() <= suffix.length() + 1) {
            return Optional.empty();
        }
        return Optional.of(messageId.substring(1, messageId.length() - suffix.length()));
    }
}
