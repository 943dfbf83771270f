package io.threadline.analytics.kpi.api;

import io.smallrye.common.annotation.Blocking;
import io.threadline.analytics.AnalyticsConfig;
import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.analytics.kpi.query.KpiQuery;
import io.threadline.analytics.kpi.query.KpiReader;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.servicekit.problem.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.function.Function;

/**
 * The KPIs over a window, each family on its own path, as JSON or CSV. Blocking: the reports run on the synchronous
 * MongoDB driver, off the event loop.
 */
@Path("/api/v1/metrics")
@Tag(name = "Metrics", description = "Support KPIs computed from ticket and customer events")
@Produces({MediaType.APPLICATION_JSON, KpiResource.TEXT_CSV})
@APIResponse(responseCode = "200", description = "The report (JSON), or its series as CSV",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReport.class)),
                @Content(mediaType = KpiResource.TEXT_CSV)})
@APIResponse(responseCode = "400", description = "A bad parameter; the problem names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class KpiResource {

    static final String TEXT_CSV = "text/csv";

    private final KpiRequestParser requests;
    private final KpiReader reader;
    private final ActiveReadModel readModel;
    private final CsvExport csv;
    private final boolean businessHours;

    public KpiResource(KpiRequestParser requests, KpiReader reader, ActiveReadModel readModel, CsvExport csv,
                       AnalyticsConfig config) {
        this.requests = requests;
        this.reader = reader;
        this.readModel = readModel;
        this.csv = csv;
        this.businessHours = config.businessHours().calendarZone().isPresent();
    }

    @GET
    @Path("/volumes")
    @Blocking
    @Operation(summary = "Volumes: tickets created, solved, reopened, merged; messages, replies, new customers",
            description = "Broken down by channel unless `by` says otherwise (`by=none` for no breakdown).")
    public Response volumes(@BeanParam KpiRequest request,
                            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return report("volumes", request, accept, Optional.of(Dimension.CHANNEL), false, Volumes::of);
    }

    @GET
    @Path("/response-times")
    @Blocking
    @Operation(summary = "First response and full resolution times: count, median, 90th percentile, mean",
            description = "With business-hours variants when a business calendar is configured.")
    public Response responseTimes(@BeanParam KpiRequest request,
                                  @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return report("response-times", request, accept, Optional.empty(), true,
                t -> ResponseTimes.of(t, businessHours));
    }

    @GET
    @Path("/resolution-rates")
    @Blocking
    @Operation(summary = "First-contact resolution rate and reopen rate")
    public Response resolutionRates(@BeanParam KpiRequest request,
                                    @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return report("resolution-rates", request, accept, Optional.empty(), false, ResolutionRates::of);
    }

    @GET
    @Path("/satisfaction")
    @Blocking
    @Operation(summary = "CSAT (% satisfied) and NPS (promoters minus detractors) from survey answers")
    public Response satisfaction(@BeanParam KpiRequest request,
                                 @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return report("satisfaction", request, accept, Optional.empty(), false, Satisfaction::of);
    }

    /** {@code percentiles}: whether the values need the duration histograms (only response times do). */
    private <V> Response report(String name, KpiRequest request, String accept, Optional<Dimension> defaultBy,
                                boolean percentiles, Function<Tally, V> values) {
        boolean asCsv = KpiRequestParser.wantsCsv(request) || accept != null && accept.startsWith(TEXT_CSV);
        KpiQuery query = requests.parse(request, defaultBy);
        KpiReport<V> report = KpiReport.of(query, reader.read(readModel.served(), query, percentiles), values);
        if (!asCsv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String file = name + "-" + query.window().from() + "-" + query.window().to() + ".csv";
        return Response.ok(csv.write(report), TEXT_CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file.replace(':', '-') + "\"")
                .build();
    }
}
