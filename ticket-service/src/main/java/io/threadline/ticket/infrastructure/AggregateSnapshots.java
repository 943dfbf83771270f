package io.threadline.ticket.infrastructure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of aggregate snapshots. Aggregates keep their state in private fields without accessors (state
 * changes only through events), so a snapshot is written and read field by field, unlike events, which are records.
 */
final class AggregateSnapshots {

    private AggregateSnapshots() {
    }

    static Serializer serializer(Serializer eventSerializer) {
        ObjectMapper events = ((JacksonSerializer) eventSerializer).getObjectMapper();
        ObjectMapper fields = events.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }
}
