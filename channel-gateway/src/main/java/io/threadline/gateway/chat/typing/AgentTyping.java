package io.threadline.gateway.chat.typing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An agent started or stopped typing a reply to the visitor with chat address {@code recipient}. */
public record AgentTyping(@NotBlank String recipient, @NotNull Boolean typing) {
}
