package io.threadline.gateway.email.webhook;

import io.smallrye.common.annotation.Blocking;
import io.threadline.gateway.email.EmailConfig;
import io.threadline.gateway.email.EmailInbound;
import io.threadline.gateway.email.mime.MalformedEmailException;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Inbound email as raw RFC 5322 MIME, the way inbound-parse services deliver it: the raw message as the body
 * ({@code message/rfc822}), or a form with the raw message in field {@code email} (SendGrid, "POST the raw, full
 * MIME message") or {@code body-mime} (Mailgun's MIME route). Answers 2xx only after Kafka acknowledged.
 */
@Path("/webhooks/email/inbound")
@Tag(name = "Email webhook", description = "Raw inbound email from an inbound-parse service")
public class EmailWebhookResource {

    private final EmailInbound email;
    private final EmailConfig config;

    public EmailWebhookResource(EmailInbound email, EmailConfig config) {
        this.email = email;
        this.config = config;
    }

    @POST
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Accept one raw email (the body is the message)")
    public Response raw(byte[] message, @QueryParam("inbox") String inbox,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        WebhookSecret.require(config.webhookSecret(), authorization);
        return accept(message, inbox, "body");
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Accept one raw email posted as a form field (email or body-mime)")
    public Response form(@RestForm("email") String sendGridRaw, @RestForm("body-mime") String mailgunRaw,
                         @RestForm("to") String to, @QueryParam("inbox") String inbox,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        WebhookSecret.require(config.webhookSecret(), authorization);
        String raw = sendGridRaw != null ? sendGridRaw : mailgunRaw;
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField("email", "the raw MIME message is missing (form field email or body-mime)");
        }
        return accept(raw.getBytes(StandardCharsets.UTF_8), inbox != null ? inbox : to, sendGridRaw != null ? "email" : "body-mime");
    }

    private Response accept(byte[] raw, String inbox, String field) {
        if (raw == null || raw.length == 0) {
            throw ProblemException.invalidField(field, "empty message");
        }
        try {
            EmailInbound.Outcome outcome = email.accept(raw, inbox);
            if (outcome.bounce()) {
                return Response.ok(Map.of("bounce", true, "outboundIds", outcome.bouncedOutboundIds())).build();
            }
            return Response.status(outcome.message().duplicate() ? 200 : 202).entity(outcome.message()).build();
        } catch (MalformedEmailException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
