package io.threadline.gateway.email.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps what a customer wrote in a reply: drops the quoted earlier message (attribution lines such as
 * "On ... wrote:", Outlook's header block, "-----Original Message-----", trailing "&gt;" lines) and the signature
 * ("-- " delimiter, "Sent from my ..."). If nothing would remain, the text stays as it was.
 */
public final class ReplyTrimmer {

    private static final Pattern ATTRIBUTION = Pattern.compile("^(On|Am|Le|El|Op|Il)\\s.{1,300}(wrote|schrieb|a écrit|escribió|schreef|ha scritto)\\s?:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(On|Am|Le|El|Op|Il)\\s.{1,200}$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message|Ursprüngliche Nachricht)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{20,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De)\\s*:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_NEXT = Pattern.compile("^\\*?(Sent|Date|Gesendet|Envoyé|To|Subject)\\s*:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^(-- ?|Sent from my .+|Get Outlook for .+)$");

    private ReplyTrimmer() {
    }

    public static String trim(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (startsQuote(lines, i)) {
                break;
            }
            kept.add(lines[i]);
        }
        while (!kept.isEmpty() && (kept.get(kept.size() - 1).isBlank() || kept.get(kept.size() - 1).startsWith(">"))) {
            kept.remove(kept.size() - 1);
        }
        String trimmed = String.join("\n", kept).strip();
        return trimmed.isEmpty() ? text.strip() : trimmed;
    }

    private static boolean startsQuote(String[] lines, int i) {
        String line = lines[i].strip();
        if (ATTRIBUTION.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()
                || OUTLOOK_RULE.matcher(line).matches() || SIGNATURE.matcher(lines[i]).matches()) {
            return true;
        }
        // An attribution wrapped over two lines: "On Tue, 3 Mar 2026 at 10:12, Support" / "<support@x> wrote:".
        if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.length
                && ATTRIBUTION.matcher(line + " " + lines[i + 1].strip()).matches()) {
            return true;
        }
        // Outlook's block: "From: ..." followed within a few lines by "Sent:"/"Date:".
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (HEADER_NEXT.matcher(lines[j].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
