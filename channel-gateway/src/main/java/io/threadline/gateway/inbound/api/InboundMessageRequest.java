package io.threadline.gateway.inbound.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A customer message as an integrator sends it, for any channel, built-in or custom. */
@Schema(name = "InboundMessageRequest", example = """
        {"channel": "email", "providerMessageId": "<CAF1x9@mail.example.com>", "inbox": "support@acme.test",
         "sender": {"address": "alice@example.com", "displayName": "Alice Martin"},
         "subject": "Order #4411 arrived damaged", "text": "The mug arrived in pieces."}""")
public record InboundMessageRequest(
        @Size(max = 512)
        @Schema(description = "The provider's id of this message; a retry with the same id publishes nothing new. "
                + "Optional when the Idempotency-Key header carries it.")
        String providerMessageId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}",
                message = "must be a lowercase channel name such as email, sms, chat or whatsapp")
        String channel,
        @Size(max = 320) String inbox,
        @NotNull @Valid Participant sender,
        @Size(max = 100) List<@Valid @NotNull Participant> recipients,
        @Valid Thread thread,
        @Size(max = 998) String subject,
        @Size(max = 200_000) String text,
        @Size(max = 500_000) String html,
        @Size(max = 50) List<@Valid @NotNull Attachment> attachments,
        @Schema(description = "When the provider received it; defaults to the time the gateway accepts it")
        Instant receivedAt,
        @Size(max = 50) Map<String, String> providerMetadata) {

    public record Participant(@NotBlank @Size(max = 320) String address, @Size(max = 200) String displayName) {
    }

    public record Thread(
            @Size(max = 998) String messageId,
            @Size(max = 998) String inReplyTo,
            @Size(max = 100) List<@NotBlank @Size(max = 998) String> references,
            @Size(max = 200) String chatSessionId,
            @Size(max = 200) String conversationId) {
    }

    public record Attachment(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 255) String contentType,
            @PositiveOrZero long size,
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lowercase hex SHA-256") String sha256,
            @Size(max = 2048) String location) {
    }

    boolean hasContent() {
        return (text != null && !text.isBlank()) || (html != null && !html.isBlank())
                || (attachments != null && !attachments.isEmpty());
    }
}
