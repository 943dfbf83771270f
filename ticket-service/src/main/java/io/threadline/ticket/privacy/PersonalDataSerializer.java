package io.threadline.ticket.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;

import javax.crypto.SecretKey;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The event serializer with crypto-shredding: components marked {@link PersonalData} (also inside nested records)
 * are sealed with the key of the customer they belong to, by default the {@code customerId} at the event's root, and
 * stored as {@code {"$sealed": "…"}}; data of another customer also names it ({@code "$owner": "<customerId>"}).
 * Reading opens them again; once the owner's key is destroyed they read as absent. Events without personal data
 * pass through unchanged.
 */
public class PersonalDataSerializer implements Serializer {

    private static final String SEALED = "$sealed";
    private static final String OWNER = "$owner";
    private static final String CUSTOMER_ID = "customerId";

    /** Where personal data sits in an event, and which root field names the customer it belongs to. */
    private record PersonalPath(String[] path, String ownerField) {
    }

    private final Serializer json;
    private final ObjectMapper mapper;
    private final CustomerKeys keys;
    private final Map<Class<?>, List<PersonalPath>> personalPaths = new ConcurrentHashMap<>();

    public PersonalDataSerializer(Serializer json, ObjectMapper mapper, CustomerKeys keys) {
        this.json = json;
        this.mapper = mapper;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<PersonalPath> paths = object == null ? List.of() : pathsOf(object.getClass());
        if (paths.isEmpty()) {
            return json.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = json.serialize(object, JsonNode.class);
        if (tree.getData() instanceof ObjectNode root) {
            Optional<String> eventCustomer = text(root, CUSTOMER_ID);
            Map<String, Optional<SecretKey>> keysOfEvent = new HashMap<>(2);
            for (PersonalPath personal : paths) {
                Optional<String> owner = text(root, personal.ownerField());
                Optional<SecretKey> key = owner.flatMap(id -> keysOfEvent.computeIfAbsent(id, keys::keyFor));
                String named = owner.equals(eventCustomer) ? null : owner.orElse(null);
                transform(root, personal.path(), value -> key.map(k -> seal(k, value, named)).orElse(null));
            }
        }
        return getConverter().convert(tree, expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        List<PersonalPath> paths = UnknownSerializedType.class.equals(type) ? List.of() : pathsOf(type);
        if (paths.isEmpty()) {
            return json.deserialize(serializedObject);
        }
        JsonNode data = getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        if (data instanceof ObjectNode root) {
            Optional<String> eventCustomer = text(root, CUSTOMER_ID);
            // Each owner's key looked up once per event: a customer without a stored key is not cached.
            Map<String, Optional<SecretKey>> keysOfEvent = new HashMap<>(2);
            for (PersonalPath personal : paths) {
                // The value names its owner when it is not the event's customer (stored before owners existed: it
                // was sealed with the event customer's key).
                transform(root, personal.path(), value -> isSealed(value)
                        ? text(value, OWNER).or(() -> eventCustomer)
                                .flatMap(id -> keysOfEvent.computeIfAbsent(id, keys::existingKey))
                                .map(k -> open(k, value)).orElse(null)
                        : value);
            }
        }
        return (T) json.deserialize(new SimpleSerializedObject<>(data, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }

    private List<PersonalPath> pathsOf(Class<?> type) {
        return personalPaths.computeIfAbsent(type, t -> collect(t, new String[0]));
    }

    private static List<PersonalPath> collect(Class<?> type, String[] prefix) {
        List<PersonalPath> paths = new ArrayList<>();
        if (!type.isRecord()) {
            return paths;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String[] path = append(prefix, component.getName());
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                paths.add(new PersonalPath(path, personal.owner()));
            } else if (component.getType().isRecord()) {
                paths.addAll(collect(component.getType(), path));
            }
        }
        return paths;
    }

    private static String[] append(String[] prefix, String name) {
        String[] path = Arrays.copyOf(prefix, prefix.length + 1);
        path[prefix.length] = name;
        return path;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Replaces the value at {@code path} (if present) with what {@code change} makes of it (null removes it). */
    private static void transform(ObjectNode root, String[] path, UnaryOperator<JsonNode> change) {
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = node.get(path[i]);
            if (!(node instanceof ObjectNode)) {
                return;
            }
        }
        ObjectNode parent = (ObjectNode) node;
        String field = path[path.length - 1];
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode changed = change.apply(value);
        if (changed == null) {
            parent.remove(field);
        } else {
            parent.set(field, changed);
        }
    }

    private static boolean isSealed(JsonNode value) {
        return value.isObject() && value.has(SEALED) && value.size() == (value.has(OWNER) ? 2 : 1);
    }

    /** @param owner the customer whose key seals it, when not the event's customer (else null) */
    private JsonNode seal(SecretKey key, JsonNode value, String owner) {
        try {
            byte[] plain = mapper.writeValueAsBytes(value);
            ObjectNode sealed = mapper.createObjectNode().put(SEALED, new Sealing(key).seal(plain));
            return owner == null ? sealed : sealed.put(OWNER, owner);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Personal data not serializable", e);
        }
    }

    private JsonNode open(SecretKey key, JsonNode sealed) {
        try {
            byte[] plain = new Sealing(key).open(sealed.get(SEALED).asText());
            return mapper.readTree(new String(plain, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Opened personal data is not JSON", e);
        }
    }
}
