package io.threadline.gateway.social;

import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.email.mime.HtmlText;

/** Social messages are plain text: a reply's text, or its HTML reduced to text. */
public final class ReplyText {

    private ReplyText() {
    }

    public static String of(OutboundMessage reply) {
        return reply.text() != null && !reply.text().isBlank() ? reply.text() : HtmlText.toText(reply.html());
    }
}
