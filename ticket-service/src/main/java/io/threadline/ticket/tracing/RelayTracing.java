package io.threadline.ticket.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.MetaData;

import java.nio.charset.StandardCharsets;

/**
 * Continues an event's trace when the relay publishes it: a producer span whose parent is the context stored in
 * the event's metadata (see {@link EventTraceContext}), carried on in the record's W3C trace headers, so the
 * consumers downstream join the same trace.
 */
@Singleton
public class RelayTracing {

    private static final TextMapGetter<MetaData> METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MetaData carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(MetaData carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString();
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public RelayTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("io.threadline.ticket.relay");
    }

    /** The record with the trace headers of a new publish span, child of the event's stored context. */
    public ProducerRecord<String, String> traced(ProducerRecord<String, String> record, MetaData eventMetadata) {
        Context parent = propagator.extract(Context.root(), eventMetadata, METADATA);
        Span span = tracer.spanBuilder(record.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "send")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            propagator.inject(Context.current(), record.headers(),
                    (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        } finally {
            span.end();
        }
        return record;
    }
}
