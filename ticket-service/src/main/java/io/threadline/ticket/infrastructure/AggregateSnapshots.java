package io.threadline.ticket.infrastructure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.threadline.contracts.ContractJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of aggregate snapshots. Aggregates keep their state in private fields without accessors (state
 * changes only through events), so a snapshot is written and read field by field, unlike events, which are records.
 * Snapshots hold personal data in the clear: erasing a customer deletes the snapshots of its tickets.
 */
final class AggregateSnapshots {

    private AggregateSnapshots() {
    }

    static Serializer serializer(ObjectMapper quarkusMapper) {
        ObjectMapper fields = ContractJson.configure(quarkusMapper.copy())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return JacksonSerializer.builder().objectMapper(fields).build();
    }
}
