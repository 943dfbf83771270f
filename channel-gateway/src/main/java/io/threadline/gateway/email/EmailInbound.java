package io.threadline.gateway.email;

import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.gateway.email.mime.MalformedEmailException;
import io.threadline.gateway.email.mime.MimeParser;
import io.threadline.gateway.email.mime.ParsedEmail;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import io.threadline.gateway.outbound.DeliveryReceipts;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns one raw email, from the webhook or an IMAP mailbox, into an inbound message, or, for a bounce of a reply
 * the gateway sent, into a FAILED receipt for that reply. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class EmailInbound {

    private static final Logger LOG = Logger.getLogger(EmailInbound.class);
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);

    /** What became of the email. {@code bouncedOutboundIds} is set for a bounce, {@code message} otherwise. */
    public record Outcome(AcceptedMessage message, List<String> bouncedOutboundIds) {

        public boolean bounce() {
            return message == null;
        }
    }

    private final MimeParser parser = new MimeParser();
    private final InboundService inbound;
    private final DeliveryReceipts receipts;
    private final OutboundMessageIds messageIds;

    public EmailInbound(InboundService inbound, DeliveryReceipts receipts, OutboundMessageIds messageIds) {
        this.inbound = inbound;
        this.receipts = receipts;
        this.messageIds = messageIds;
    }

    /**
     * @param inbox the support address it was sent to, if the source knows it
     * @throws MalformedEmailException when the bytes hold no usable message
     */
    public Outcome accept(byte[] raw, String inbox) throws MalformedEmailException {
        ParsedEmail email = parser.parse(raw);
        if (email.bounce()) {
            return new Outcome(null, reportBounce(email));
        }
        String text = email.text();
        if ((text == null || text.isBlank()) && email.attachments().isEmpty()) {
            // A subject-only mail is a message too; a mail with neither is not.
            if (email.subject() == null || email.subject().isBlank()) {
                throw new MalformedEmailException("the message has no text, subject or attachment", null);
            }
            text = email.subject();
        }
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage(email.messageId(), Channel.EMAIL, inbox, email.from(),
                email.recipients(), new ThreadReferences(email.messageId(), email.inReplyTo(), email.references(),
                null, null), email.subject(), text, email.html(), email.attachments(), now, now, email.metadata());
        return new Outcome(inbound.accept(message).await().atMost(ACCEPT_TIMEOUT), List.of());
    }

    /** A bounce is not a customer's message: it becomes FAILED for each reply of ours it names. */
    private List<String> reportBounce(ParsedEmail email) {
        List<String> outboundIds = email.originalIds().stream().map(messageIds::outboundIdOf)
                .flatMap(java.util.Optional::stream).distinct().toList();
        String reason = "bounced" + (email.diagnostic() == null ? "" : ": " + email.diagnostic());
        for (String outboundId : outboundIds) {
            receipts.failed(outboundId, email.messageId(), reason);
        }
        if (outboundIds.isEmpty()) {
            LOG.infof("Ignored a bounce %s that names none of our replies", email.messageId());
        }
        return outboundIds;
    }
}
