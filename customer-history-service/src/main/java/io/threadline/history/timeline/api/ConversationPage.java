package io.threadline.history.timeline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of the conversation a customer sees, oldest first. */
@Schema(name = "ConversationPage")
public record ConversationPage(
        String customerId,
        List<ConversationEntry> entries,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as cursor for the newer messages; null when none follow", nullable = true)
        String nextCursor,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "Pass as cursor for the older messages; null when none precede", nullable = true)
        String previousCursor) {
}
