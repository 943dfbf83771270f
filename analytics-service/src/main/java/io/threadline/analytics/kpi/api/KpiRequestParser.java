package io.threadline.analytics.kpi.api;

import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.window.ReportWindow;
import io.threadline.analytics.window.ReportWindowParser;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.inbound.Channel;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link KpiRequest} into a {@link KpiQuery}; a bad parameter is a 400 naming it. */
@ApplicationScoped
public class KpiRequestParser {

    private static final int MAX_NAME_LENGTH = 200;

    private final ReportWindowParser windows;

    public KpiRequestParser(ReportWindowParser windows) {
        this.windows = windows;
    }

    public KpiQuery parse(KpiRequest request, Optional<Dimension> defaultBy) {
        ReportWindow window = windows.parse(request.from, request.to, request.zone, request.interval, Instant.now());
        return new KpiQuery(window, filters(request), by(request.by, defaultBy));
    }

    /** The filters alone, for the live KPIs that have no window. */
    public Map<Dimension, String> filters(KpiRequest request) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        if (!isBlank(request.channel)) {
            if (!Channel.isValidName(request.channel.trim())) {
                throw ProblemException.invalidField("channel", "must be a channel name such as email, chat or sms");
            }
            filters.put(Dimension.CHANNEL, request.channel.trim());
        }
        name("group", request.group).ifPresent(g -> filters.put(Dimension.GROUP, g));
        name("agent", request.agent).ifPresent(a -> filters.put(Dimension.AGENT, a));
        if (!isBlank(request.priority)) {
            String priority = request.priority.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(TicketPriority.values()).noneMatch(p -> p.name().equals(priority))) {
                throw ProblemException.invalidField("priority", "must be one of LOW, NORMAL, HIGH, URGENT");
            }
            filters.put(Dimension.PRIORITY, priority);
        }
        return filters;
    }

    /** True when the caller asked for CSV by parameter; the Accept header is checked by the resource. */
    public static boolean wantsCsv(KpiRequest request) {
        if (isBlank(request.format) || "json".equalsIgnoreCase(request.format.trim())) {
            return false;
        }
        if ("csv".equalsIgnoreCase(request.format.trim())) {
            return true;
        }
        throw ProblemException.invalidField("format", "must be json or csv");
    }

    private static Optional<Dimension> by(String by, Optional<Dimension> defaultBy) {
        if (isBlank(by)) {
            return defaultBy;
        }
        if ("none".equals(by.trim())) {
            return Optional.empty();
        }
        return Optional.of(Dimension.byWireName(by.trim()).orElseThrow(() ->
                ProblemException.invalidField("by", "must be one of none, channel, group, agent, priority")));
    }

    private static Optional<String> name(String field, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(field, "must be at most " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        return Optional.of(trimmed);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
