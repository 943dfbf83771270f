package io.threadline.gateway.email.smtp;

import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.email.EmailConfig;
import io.threadline.gateway.email.OutboundMessageIds;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Sends email replies by SMTP: a Message-ID derived from the outbound id, In-Reply-To and References from the
 * thread, and the ticket token ({@code [#TL-1001]}) in the subject so that the customer's answer finds its ticket.
 * SMTP 4xx answers and connection problems are transient; 5xx answers and bad addresses are permanent.
 */
@ApplicationScoped
public class SmtpSender implements ChannelSender {

    private final EmailConfig.Smtp config;
    private final OutboundMessageIds messageIds;
    private final Session session;

    public SmtpSender(EmailConfig config, OutboundMessageIds messageIds) {
        this.config = config.smtp();
        this.messageIds = messageIds;
        this.session = Session.getInstance(properties(this.config));
    }

    @Override
    public String channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        String messageId = messageIds.of(reply.outboundId());
        try {
            MimeMessage message = new FixedIdMimeMessage(session, messageId);
            message.setFrom(new InternetAddress(config.from(), config.fromName().orElse(null), "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(reply.recipient(), true));
            message.setSubject(TicketToken.inSubject(reply.subject(), reply.ticketNumber()), "UTF-8");
            thread(message, reply.thread());
            message.setHeader("X-Threadline-Outbound-Id", reply.outboundId());
            body(message, reply);
            message.saveChanges();
            if (config.username().isPresent()) {
                Transport.send(message, config.username().get(), config.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return messageId;
        } catch (AddressException e) {
            throw DeliveryFailure.permanent("invalid recipient address '" + reply.recipient() + "': " + e.getMessage(), e);
        } catch (SMTPSendFailedException e) {
            String reason = "SMTP " + e.getReturnCode() + ": " + e.getMessage().strip();
            throw e.getReturnCode() >= 500 ? DeliveryFailure.permanent(reason, e) : DeliveryFailure.transientFailure(reason, e);
        } catch (SendFailedException e) {
            throw DeliveryFailure.permanent("recipient refused: " + e.getMessage().strip(), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            // Connection refused, timeouts, TLS trouble: the server may be back later.
            throw DeliveryFailure.transientFailure("SMTP " + config.host() + ":" + config.port() + " unavailable: "
                    + e.getMessage(), e);
        }
    }

    private static void thread(MimeMessage message, ThreadReferences thread) throws MessagingException {
        if (thread == null || thread.messageId() == null) {
            return;
        }
        message.setHeader("In-Reply-To", thread.messageId());
        List<String> references = new ArrayList<>(thread.references() == null ? List.of() : thread.references());
        if (!references.contains(thread.messageId())) {
            references.add(thread.messageId());
        }
        message.setHeader("References", String.join(" ", references));
    }

    private static void body(MimeMessage message, OutboundMessage reply) throws MessagingException {
        String text = reply.text() == null ? "" : reply.text();
        if (reply.html() == null || reply.html().isBlank()) {
            message.setText(text, "UTF-8");
            return;
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(reply.html(), "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", plain, html));
    }

    private static Properties properties(EmailConfig.Smtp smtp) {
        Properties properties = new Properties();
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty("mail." + protocol + ".host", smtp.host());
        properties.setProperty("mail." + protocol + ".port", String.valueOf(smtp.port()));
        properties.setProperty("mail." + protocol + ".auth", String.valueOf(smtp.username().isPresent()));
        properties.setProperty("mail." + protocol + ".starttls.enable", String.valueOf(smtp.starttls()));
        properties.setProperty("mail." + protocol + ".starttls.required", String.valueOf(smtp.starttls()));
        String timeout = String.valueOf(smtp.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        return properties;
    }

    /** Keeps the Message-ID it was given: Jakarta Mail would otherwise invent one in saveChanges(). */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
