package io.threadline.analytics.kpi.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every KPI over a window shares. */
public class KpiRequest {

    @QueryParam("from")
    @Parameter(description = "Inclusive start, ISO-8601 with offset, rounded down to a quarter hour; "
            + "default: `to` minus the configured default range (30 days)", example = "2026-11-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Exclusive end, ISO-8601 with offset, rounded up to a quarter hour; at most the "
            + "configured maximum range (400 days) after `from`, 31 days by hour; default: now",
            example = "2026-12-01T00:00:00Z")
    public String to;

    @QueryParam("zone")
    @Parameter(description = "Time zone of the buckets (IANA name or offset); default: the configured zone (UTC)",
            example = "Europe/Paris")
    public String zone;

    @QueryParam("interval")
    @Parameter(description = "Bucket width", schema = @Schema(enumeration = {"hour", "day", "week"}), example = "day")
    public String interval;

    @QueryParam("channel")
    @Parameter(description = "Only facts of this channel", example = "email")
    public String channel;

    @QueryParam("group")
    @Parameter(description = "Only facts of tickets in this group at the time; `-` for no group", example = "billing")
    public String group;

    @QueryParam("agent")
    @Parameter(description = "Only facts of tickets assigned to this agent at the time; `-` for unassigned",
            example = "alice")
    public String agent;

    @QueryParam("priority")
    @Parameter(description = "Only facts of tickets with this priority at the time",
            schema = @Schema(enumeration = {"LOW", "NORMAL", "HIGH", "URGENT"}))
    public String priority;

    @QueryParam("by")
    @Parameter(description = "Break each bucket down by this dimension",
            schema = @Schema(enumeration = {"none", "channel", "group", "agent", "priority"}))
    public String by;

    @QueryParam("format")
    @Parameter(description = "`csv` for a CSV download of the series (also with `Accept: text/csv`)",
            schema = @Schema(enumeration = {"json", "csv"}))
    public String format;
}
