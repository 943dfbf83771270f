package io.threadline.analytics.volume.api;

import io.smallrye.common.annotation.Blocking;
import io.threadline.analytics.volume.VolumeReports;
import io.threadline.analytics.window.ReportWindow;
import io.threadline.analytics.window.ReportWindowParser;
import io.threadline.contracts.inbound.Channel;
import io.threadline.servicekit.problem.Problem;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Optional;

@Path("/api/v1/metrics/volumes")
@Tag(name = "Metrics", description = "Support KPIs computed from ticket events")
public class VolumeResource {

    private static final String EXAMPLE = """
            {"from":"2026-11-01T00:00:00Z","to":"2026-12-01T00:00:00Z","zone":"Europe/Paris","interval":"day",
             "totals":{"ticketsCreated":3,"messagesReceived":5},
             "series":[{"start":"2026-11-02T00:00:00+01:00","channel":"email","ticketsCreated":2,"messagesReceived":3},
                       {"start":"2026-11-03T00:00:00+01:00","channel":"email","ticketsCreated":1,"messagesReceived":2}]}""";

    private final ReportWindowParser windows;
    private final VolumeReports reports;

    public VolumeResource(ReportWindowParser windows, VolumeReports reports) {
        this.windows = windows;
        this.reports = reports;
    }

    /** Blocking: the report runs on the synchronous MongoDB driver, off the event loop. */
    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ticket and message volumes over time",
            description = "ticketsCreated counts tickets by the time they were opened; messagesReceived counts "
                    + "distinct inbound customer messages by the time the channel received them. Both are exact "
                    + "under redelivery and replay.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VolumeReport.class),
                    examples = @ExampleObject(name = "November by day in Paris", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad parameter; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VolumeReport volumes(
            @Parameter(description = "Inclusive start, ISO-8601 with offset; "
                    + "default: `to` minus the configured default range (30 days)",
                    example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Exclusive end, ISO-8601 with offset, at most the configured maximum range "
                    + "(400 days) after `from`; default: now",
                    example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Only this channel; default: every channel", example = "email")
            @QueryParam("channel") String channel,
            @Parameter(description = "Bucket width", schema = @Schema(enumeration = {"hour", "day", "week"}),
                    example = "day")
            @QueryParam("interval") String interval,
            @Parameter(description = "Time zone of the buckets (IANA name or offset); "
                    + "default: the configured default zone (UTC)",
                    example = "Europe/Paris")
            @QueryParam("zone") String zone) {
        ReportWindow window = windows.parse(from, to, zone, interval, Instant.now());
        return reports.report(window, channel(channel));
    }

    private static Optional<String> channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return Optional.empty();
        }
        if (!Channel.isValidName(channel)) {
            throw ProblemException.invalidField("channel", "must be a channel name such as email, chat or sms");
        }
        return Optional.of(channel);
    }
}
