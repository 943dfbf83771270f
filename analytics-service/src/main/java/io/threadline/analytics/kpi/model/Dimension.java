package io.threadline.analytics.kpi.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a KPI can be filtered and broken down by. The order of the constants is the order in stored keys. */
public enum Dimension {
    CHANNEL("c"),
    GROUP("g"),
    AGENT("a"),
    PRIORITY("p");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    /** One letter, used in the names of the stored aggregates. */
    public String code() {
        return code;
    }

    /** The name in URLs, responses and CSV headers: {@code channel}, {@code group}, {@code agent}, {@code priority}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> byWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }
}
