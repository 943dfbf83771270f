package io.threadline.gateway.sms.twilio;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import io.threadline.gateway.sms.OptOuts;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Twilio's incoming-message webhook (SMS or MMS) into an inbound message on channel {@code sms}, keyed by the
 * MessageSid, and honours STOP/START: the number's opt-out is recorded before the message is published, and the
 * message is still published so the ticket shows it. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class TwilioInbound {

    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);
    /** More media than an MMS can carry is not a real request. */
    private static final int MAX_MEDIA = 10;
    /** Twilio fields worth keeping for agents and reports; the rest (geography of the numbers, ...) is dropped. */
    private static final List<String> METADATA = List.of("AccountSid", "MessagingServiceSid", "NumSegments",
            "FromCountry", "ToCountry");

    private final InboundService inbound;
    private final OptOuts optOuts;

    public TwilioInbound(InboundService inbound, OptOuts optOuts) {
        this.inbound = inbound;
        this.optOuts = optOuts;
    }

    public AcceptedMessage accept(MultivaluedMap<String, String> form) {
        String sid = TwilioForm.required(form, "MessageSid");
        String from = TwilioForm.required(form, "From");
        String to = form.getFirst("To");
        String body = form.getFirst("Body");
        List<AttachmentMetadata> media = media(form);
        if ((body == null || body.isBlank()) && media.isEmpty()) {
            throw ProblemException.invalidField("Body", "the message has neither text nor media");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        METADATA.forEach(name -> Optional.ofNullable(form.getFirst(name)).filter(v -> !v.isBlank())
                .ifPresent(value -> metadata.put(lowerFirst(name), value)));
        Optional<OptOuts.Request> request = OptOuts.requestIn(body);
        if (request.isPresent()) {
            // Recorded first: a retry after a failed publish records it again, which changes nothing.
            optOuts.apply(from.strip(), request.get(), body.strip());
            metadata.put("optOut", request.get().name());
        }
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage(sid, Channel.SMS, blankToNull(to), new Participant(from.strip(), null),
                to == null || to.isBlank() ? List.of() : List.of(new Participant(to.strip(), null)), null, null,
                blankToNull(body), null, media, now, now, metadata);
        return inbound.accept(message).await().atMost(ACCEPT_TIMEOUT);
    }

    /** MMS media: Twilio says how many (NumMedia) and where each is (MediaUrlN, MediaContentTypeN). */
    private static List<AttachmentMetadata> media(MultivaluedMap<String, String> form) {
        String count = form.getFirst("NumMedia");
        if (count == null || count.isBlank()) {
            return List.of();
        }
        int numMedia;
        try {
            numMedia = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("NumMedia", "not a number: '" + count + "'");
        }
        if (numMedia < 0 || numMedia > MAX_MEDIA) {
            throw ProblemException.invalidField("NumMedia", "must be between 0 and " + MAX_MEDIA);
        }
        List<AttachmentMetadata> media = new ArrayList<>();
        for (int i = 0; i < numMedia; i++) {
            String url = TwilioForm.required(form, "MediaUrl" + i);
            String type = form.getFirst("MediaContentType" + i);
            // The bytes stay at the provider (fetching them needs the account's credentials); size is unknown.
            media.add(new AttachmentMetadata(url.substring(url.lastIndexOf('/') + 1), blankToNull(type), 0, null, url));
        }
        return media;
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
