package io.threadline.gateway.social.meta;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.gateway.social.JsonFields;
import io.threadline.gateway.social.Secrets;
import io.threadline.gateway.social.SocialConfig;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The callback URL of a Meta app for Messenger, Instagram and WhatsApp: the subscription handshake (GET) and the
 * signed event notifications (POST). The signature is checked over the raw body before anything is parsed; a
 * missing or wrong one gets 403 and changes nothing. Event kinds the gateway does not handle are acknowledged,
 * since Meta disables a webhook that keeps failing.
 */
@Path("/webhooks/meta")
@Tag(name = "Meta webhooks", description = "Messenger, Instagram and WhatsApp events (X-Hub-Signature-256)")
public class MetaWebhookResource {

    private final SocialConfig.Meta config;
    private final MetaEvents events;
    private final MetaInbound inbound;
    private final ObjectMapper json;

    public MetaWebhookResource(SocialConfig config, MetaEvents events, MetaInbound inbound, ObjectMapper json) {
        this.config = config.meta();
        this.events = events;
        this.inbound = inbound;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Answer Meta's subscription handshake: echo hub.challenge when hub.verify_token matches")
    public String verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                         @QueryParam("hub.challenge") String challenge) {
        String expected = config.verifyToken().filter(t -> !t.isBlank()).orElseThrow(() -> notConfigured(
                "threadline.gateway.social.meta.verify-token"));
        if (!"subscribe".equals(mode)) {
            throw forbidden("invalid-verify-token", "Invalid verification", "hub.mode must be 'subscribe'");
        }
        if (!Secrets.same(token, expected)) {
            throw forbidden("invalid-verify-token", "Invalid verification",
                    "hub.verify_token does not match the configured verify token");
        }
        if (challenge == null || challenge.isEmpty()) {
            throw ProblemException.invalidField("hub.challenge", "required");
        }
        return challenge;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Accept a batch of events (messages, delivery statuses) signed with the app secret")
    public MetaWebhookOutcome receive(byte[] body, @HeaderParam(MetaSignature.HEADER) String signature) {
        String appSecret = config.appSecret().filter(s -> !s.isBlank()).orElseThrow(() -> notConfigured(
                "threadline.gateway.social.meta.app-secret"));
        if (signature == null || signature.isBlank()) {
            throw forbidden("invalid-signature", "Invalid signature", "Missing " + MetaSignature.HEADER + " header");
        }
        if (!MetaSignature.matches(signature, appSecret, body == null ? new byte[0] : body)) {
            throw forbidden("invalid-signature", "Invalid signature", MetaSignature.HEADER
                    + " does not match the body (is the app secret the one of the app sending the webhooks?)");
        }
        return inbound.accept(events.read(JsonFields.object(json, body)));
    }

    private static ProblemException notConfigured(String setting) {
        return new ProblemException(404, "meta-not-configured", "Meta webhooks not configured",
                "No Meta app is configured (" + setting + ")");
    }

    private static ProblemException forbidden(String type, String title, String detail) {
        return new ProblemException(403, type, title, detail);
    }
}
