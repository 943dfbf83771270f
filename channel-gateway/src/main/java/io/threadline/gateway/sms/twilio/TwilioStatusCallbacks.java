package io.threadline.gateway.sms.twilio;

import io.threadline.contracts.inbound.Channel;
import io.threadline.gateway.outbound.DeliveryReceipts;
import io.threadline.gateway.outbound.OutboundLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's status callbacks for replies the gateway sent: {@code sent}, {@code delivered}, {@code undelivered} and
 * {@code failed} become receipts on {@code channel.delivery} for the outbound message with that MessageSid; the
 * intermediate states (queued, accepted, sending, ...) change nothing.
 */
@ApplicationScoped
public class TwilioStatusCallbacks {

    private static final Logger LOG = Logger.getLogger(TwilioStatusCallbacks.class);

    private final OutboundLog log;
    private final DeliveryReceipts receipts;

    public TwilioStatusCallbacks(OutboundLog log, DeliveryReceipts receipts) {
        this.log = log;
        this.receipts = receipts;
    }

    public void report(MultivaluedMap<String, String> form) {
        String sid = TwilioForm.required(form, "MessageSid");
        String status = TwilioForm.required(form, "MessageStatus").strip().toLowerCase(Locale.ROOT);
        Optional<String> outboundId = log.outboundIdOf(Channel.SMS, sid);
        if (outboundId.isEmpty()) {
            // Another application on the same account, or a message sent before the log existed.
            LOG.infof("Status %s for SMS %s, which is none of our replies", status, sid);
            return;
        }
        switch (status) {
            case "sent":
                receipts.sent(outboundId.get(), sid);
                break;
            case "delivered":
                receipts.delivered(outboundId.get(), sid);
                break;
            case "undelivered":
            case "failed":
                String code = form.getFirst("ErrorCode");
                receipts.failed(outboundId.get(), sid, "SMS " + status
                        + (code == null || code.isBlank() ? "" : " (Twilio error " + code.strip() + ")"));
                break;
            default:
                // Intermediate states (queued, accepted, sending, ...) change nothing.
                break;
        }
    }
}
