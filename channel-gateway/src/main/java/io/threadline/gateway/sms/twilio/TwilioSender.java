package io.threadline.gateway.sms.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.email.mime.HtmlText;
import io.threadline.gateway.outbound.ChannelSender;
import io.threadline.gateway.outbound.DeliveryFailure;
import io.threadline.gateway.outbound.OutboundLog;
import io.threadline.gateway.sms.OptOuts;
import io.threadline.gateway.sms.SmsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends SMS replies through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}). Numbers
 * that opted out are not sent to. 2xx is SENT with Twilio's MessageSid, remembered so that status callbacks find
 * the reply; 429, 5xx and network trouble are transient; other 4xx are permanent with Twilio's own message.
 */
@ApplicationScoped
public class TwilioSender implements ChannelSender {

    /** Twilio's error for a recipient who replied STOP to this sender. */
    private static final int UNSUBSCRIBED_RECIPIENT = 21610;

    private final SmsConfig.Twilio config;
    private final OptOuts optOuts;
    private final OutboundLog log;
    private final ObjectMapper json;
    private final HttpClient http;

    public TwilioSender(SmsConfig config, OptOuts optOuts, OutboundLog log, ObjectMapper json) {
        this.config = config.twilio();
        this.optOuts = optOuts;
        this.log = log;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    @Override
    public String channel() {
        return Channel.SMS;
    }

    @Override
    public String send(OutboundMessage reply) throws DeliveryFailure {
        if (config.accountSid().isEmpty() || config.authToken().isEmpty() || config.fromNumber().isEmpty()) {
            throw DeliveryFailure.permanent("SMS is not configured (threadline.gateway.sms.twilio.account-sid, "
                    + "auth-token and from-number)", null);
        }
        String to = reply.recipient().strip();
        if (optOuts.optedOut(to)) {
            throw DeliveryFailure.permanent("recipient opted out (texted STOP)", null);
        }
        HttpResponse<String> response = post(to, text(reply));
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body.hasNonNull("sid")) {
            String sid = body.get("sid").asText();
            // Before returning: a status callback may arrive before the delivery framework logs the send.
            log.rememberProviderId(Channel.SMS, sid, reply.outboundId());
            return sid;
        }
        String reason = "Twilio " + status + (body.hasNonNull("code") ? " (error " + body.get("code").asText() + ")" : "")
                + ": " + (body.hasNonNull("message") ? body.get("message").asText() : abbreviate(response.body()));
        if (status == 429 || status >= 500 || status < 400) {
            throw DeliveryFailure.transientFailure(reason, null);
        }
        if (body.path("code").asInt() == UNSUBSCRIBED_RECIPIENT) {
            optOuts.apply(to, OptOuts.Request.STOP, "provider error " + UNSUBSCRIBED_RECIPIENT);
        }
        throw DeliveryFailure.permanent(reason, null);
    }

    private HttpResponse<String> post(String to, String text) throws DeliveryFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", config.fromNumber().get());
        form.put("Body", text);
        config.publicBaseUrl().ifPresent(base -> form.put("StatusCallback",
                base.replaceAll("/+$", "") + "/webhooks/sms/twilio/status"));
        String credentials = config.accountSid().get() + ":" + config.authToken().get();
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl().replaceAll("/+$", "")
                        + "/2010-04-01/Accounts/" + URLEncoder.encode(config.accountSid().get(), StandardCharsets.UTF_8)
                        + "/Messages.json"))
                .timeout(config.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryFailure.transientFailure("Twilio unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted while sending", e);
        }
    }

    /** SMS is plain text: an HTML-only reply is reduced to its text. */
    private static String text(OutboundMessage reply) {
        return reply.text() != null && !reply.text().isBlank() ? reply.text() : HtmlText.toText(reply.html());
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
