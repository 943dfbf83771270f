package io.threadline.gateway.email.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/** HTML mail reduced to what is safe to keep: plain text with its line structure, and a tag subset without scripts. */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "hr");

    private HtmlText() {
    }

    /** The text a reader sees, with paragraphs and line breaks kept; scripts, styles and markup dropped. */
    public static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        StringBuilder text = new StringBuilder();
        document.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    // Whitespace at the start of a line is layout of the source, not of the text.
                    if (!textNode.isBlank() || !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                        text.append(textNode.text());
                    }
                } else if (node instanceof Element element && element.normalName().equals("li")) {
                    newline(text);
                    text.append("- ");
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !element.normalName().equals("br")) {
                    newline(text);
                }
            }
        });
        return text.toString().replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Formatting, links and lists only: no scripts, styles, images, forms or event handlers. */
    public static String sanitize(String html) {
        return Jsoup.clean(html, Safelist.basic());
    }

    private static void newline(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
