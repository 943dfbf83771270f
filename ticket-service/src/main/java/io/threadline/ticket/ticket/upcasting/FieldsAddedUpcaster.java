package io.threadline.ticket.ticket.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;

/**
 * Upcasts one revision of a stored event to the next when that revision only added optional fields: the fields
 * are set to null (absent) in the old JSON, so the current class reads it as it would have been written today.
 * A path such as {@code message.thread} adds a field to a nested object.
 */
public class FieldsAddedUpcaster extends SingleEventUpcaster {

    private final String eventType;
    private final String fromRevision;
    private final String toRevision;
    private final List<String> addedPaths;

    public FieldsAddedUpcaster(Class<?> eventClass, String fromRevision, String toRevision, List<String> addedPaths) {
        this.eventType = eventClass.getName();
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
        this.addedPaths = addedPaths;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return eventType.equals(representation.getType().getName())
                && fromRevision.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(eventType, toRevision), JsonNode.class,
                this::addFields);
    }

    private JsonNode addFields(JsonNode payload) {
        for (String path : addedPaths) {
            String[] steps = path.split("\\.");
            JsonNode node = payload;
            for (int i = 0; i < steps.length - 1 && node != null; i++) {
                node = node.get(steps[i]);
            }
            if (node instanceof ObjectNode object && !object.has(steps[steps.length - 1])) {
                object.putNull(steps[steps.length - 1]);
            }
        }
        return payload;
    }
}
