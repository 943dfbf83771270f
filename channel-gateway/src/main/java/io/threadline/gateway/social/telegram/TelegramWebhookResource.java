package io.threadline.gateway.social.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.gateway.inbound.InboundService;
import io.threadline.gateway.inbound.api.AcceptedMessage;
import io.threadline.gateway.social.JsonFields;
import io.threadline.gateway.social.Secrets;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Optional;

/**
 * A Telegram bot's webhook ({@code setWebhook} with a {@code secret_token}): each update is checked by the
 * {@code X-Telegram-Bot-Api-Secret-Token} header before it is read, then its message published; answered 2xx only
 * after Kafka acknowledged. Updates without a message to publish are acknowledged too: Telegram holds back a bot's
 * later updates while one keeps failing.
 */
@Path("/webhooks/telegram/{bot}")
@Tag(name = "Telegram webhook", description = "Updates of a Telegram bot (X-Telegram-Bot-Api-Secret-Token)")
public class TelegramWebhookResource {

    static final String SECRET = "X-Telegram-Bot-Api-Secret-Token";
    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(30);

    private final TelegramBots bots;
    private final InboundService inbound;
    private final ObjectMapper json;

    public TelegramWebhookResource(TelegramBots bots, InboundService inbound, ObjectMapper json) {
        this.bots = bots;
        this.inbound = inbound;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Accept one update of the named bot")
    public TelegramWebhookOutcome receive(@PathParam("bot") String name, @HeaderParam(SECRET) String secret,
                                          byte[] body) {
        TelegramBots.Bot bot = bots.named(name).orElseThrow(() -> new ProblemException(404,
                "telegram-not-configured", "Telegram bot not configured", "No Telegram bot '" + name
                + "' is configured (threadline.gateway.social.telegram.bots." + name + ".token and secret-token)"));
        if (secret == null || secret.isBlank()) {
            throw new ProblemException(403, "invalid-signature", "Invalid signature", "Missing " + SECRET + " header");
        }
        if (!Secrets.same(secret, bot.secretToken())) {
            throw new ProblemException(403, "invalid-signature", "Invalid signature", SECRET
                    + " does not match the bot's secret-token (the secret_token given to setWebhook)");
        }
        Optional<InboundMessage> message = TelegramUpdates.read(JsonFields.object(json, body), bot);
        if (message.isEmpty()) {
            return TelegramWebhookOutcome.nothingToPublish();
        }
        AcceptedMessage accepted = inbound.accept(message.get()).await().atMost(ACCEPT_TIMEOUT);
        return new TelegramWebhookOutcome(accepted.providerMessageId(), !accepted.duplicate(), accepted.duplicate(),
                false);
    }
}
