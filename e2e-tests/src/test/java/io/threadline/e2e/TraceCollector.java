package io.threadline.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** An OTLP/HTTP endpoint the services export their spans to, so a test can read whole traces back. */
final class TraceCollector implements AutoCloseable {

    private static final String TRACES = "/v1/traces";

    /** One span as received: which service sent it, its name and kind. */
    record ReceivedSpan(String service, String name, Span.SpanKind kind) {
    }

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    TraceCollector() {
        server.start();
        server.stubFor(post(urlPathEqualTo(TRACES)).willReturn(ok()));
    }

    /** The base URL the services' OTLP exporters post to ({@code /v1/traces} is added by them). */
    String endpoint() {
        return "http://localhost:" + server.port();
    }

    /** Every span of the trace received so far. */
    List<ReceivedSpan> spansOf(String traceId) {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlPathEqualTo(TRACES)))) {
            for (ResourceSpans resource : decode(request).getResourceSpansList()) {
                String service = serviceName(resource);
                resource.getScopeSpansList().forEach(scope -> scope.getSpansList().stream()
                        .filter(span -> HexFormat.of().formatHex(span.getTraceId().toByteArray()).equals(traceId))
                        .forEach(span -> spans.add(new ReceivedSpan(service, span.getName(), span.getKind()))));
            }
        }
        return spans;
    }

    private static ExportTraceServiceRequest decode(LoggedRequest request) {
        try {
            byte[] body = request.getBody();
            if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = gzip.readAllBytes();
                }
            }
            return ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("Not an OTLP trace export: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serviceName(ResourceSpans resource) {
        return resource.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(value -> value.getStringValue())
                .findFirst().orElse("unknown");
    }

    @Override
    public void close() {
        server.stop();
    }
}
