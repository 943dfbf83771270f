package io.threadline.ticket.http;

import io.threadline.servicekit.problem.ProblemException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An aggregate's ETag is its version in quotes ({@code "7"}); If-Match carries it back. */
public final class Etags {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names; null when absent or {@code *} (no check). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ProblemException.invalidField(IF_MATCH, "must be an ETag of this API, such as \"7\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
