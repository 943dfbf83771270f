package io.threadline.gateway.sms.twilio;

import io.smallrye.common.annotation.Blocking;
import io.threadline.gateway.sms.SmsConfig;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Twilio's webhooks: incoming SMS/MMS and status callbacks of replies, both form-encoded and signed with
 * {@code X-Twilio-Signature}. A missing or wrong signature gets 403 and changes nothing. An incoming message is
 * answered (empty TwiML, so Twilio sends no reply of its own) only after Kafka acknowledged it.
 */
@Path("/webhooks/sms/twilio")
@Tag(name = "SMS webhooks", description = "Incoming SMS/MMS and delivery status from Twilio (X-Twilio-Signature)")
public class TwilioWebhookResource {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final SmsConfig.Twilio config;
    private final TwilioInbound inbound;
    private final TwilioStatusCallbacks statusCallbacks;

    public TwilioWebhookResource(SmsConfig config, TwilioInbound inbound, TwilioStatusCallbacks statusCallbacks) {
        this.config = config.twilio();
        this.inbound = inbound;
        this.statusCallbacks = statusCallbacks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Blocking
    @Operation(summary = "Accept one incoming SMS or MMS (Twilio's incoming-message webhook)")
    public Response incoming(MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature,
                             @Context UriInfo uri) {
        verify(form, signature, uri);
        inbound.accept(form);
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE).build();
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    @Operation(summary = "Accept a delivery status callback of a reply (Twilio's StatusCallback)")
    public Response status(MultivaluedMap<String, String> form, @HeaderParam(SIGNATURE) String signature,
                           @Context UriInfo uri) {
        verify(form, signature, uri);
        statusCallbacks.report(form);
        return Response.noContent().build();
    }

    private void verify(MultivaluedMap<String, String> form, String signature, UriInfo uri) {
        String authToken = config.authToken().filter(token -> !token.isBlank()).orElseThrow(() ->
                new ProblemException(404, "sms-not-configured", "SMS not configured",
                        "No Twilio account is configured (threadline.gateway.sms.twilio.auth-token)"));
        if (signature == null || signature.isBlank()) {
            throw invalidSignature("Missing " + SIGNATURE + " header");
        }
        if (!TwilioSignature.matches(signature, authToken, publicUrl(uri.getRequestUri()), form)) {
            throw invalidSignature(SIGNATURE + " does not match the request (is public-base-url the URL "
                    + "registered with Twilio?)");
        }
    }

    /** The URL Twilio called: the configured public base plus the path and query this request arrived with. */
    private String publicUrl(URI request) {
        if (config.publicBaseUrl().isEmpty()) {
            return request.toString();
        }
        String base = config.publicBaseUrl().get().replaceAll("/+$", "");
        return base + request.getRawPath() + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }

    private static ProblemException invalidSignature(String detail) {
        return new ProblemException(403, "invalid-signature", "Invalid signature", detail);
    }
}
