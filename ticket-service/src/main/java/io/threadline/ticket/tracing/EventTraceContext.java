package io.threadline.ticket.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stores the trace context of the command that appended an event (the inbound record's or the HTTP request's)
 * in the event's metadata, so the relay, which publishes the event later on its own thread, continues that trace.
 */
public class EventTraceContext implements MessageDispatchInterceptor<EventMessage<?>> {

    private final TextMapPropagator propagator;

    public EventTraceContext(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        if (carrier.isEmpty()) {
            return (index, event) -> event;
        }
        return (index, event) -> event.andMetaData(carrier);
    }
}
