package io.threadline.localstack.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each part of the local stack listens. The MongoDB stand-in does all its writes through one file store, so
 * the local stack runs three: ticket-service's event store (the only one with an oplog, which the relay tails),
 * analytics-service's read models, and one that customer-history-service and channel-gateway share. Docker and
 * Kubernetes run one real MongoDB instead. {@link #DEFAULTS} are the documented fixed ports, the same as in
 * docker-compose.yml where they overlap; tests take free ports instead so they never collide with a running stack.
 */
public record StackPorts(int kafka, int kafkaController, int mongo, int eventStoreMongo, int analyticsMongo,
                         Map<Service, Integer> services) {

    public static final StackPorts DEFAULTS = new StackPorts(9092, 9093, 27017, 27018, 27019, Map.of(
            Service.CHANNEL_GATEWAY, 8080,
            Service.TICKET_SERVICE, 8081,
            Service.CUSTOMER_HISTORY_SERVICE, 8082,
            Service.ANALYTICS_SERVICE, 8083));

    public static StackPorts free() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), services);
    }

    public int port(Service service) {
        return services.get(service);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafka;
    }

    public String mongoConnectionString() {
        return "mongodb://localhost:" + mongo;
    }

    public String eventStoreConnectionString() {
        return "mongodb://localhost:" + eventStoreMongo;
    }

    public String analyticsConnectionString() {
        return "mongodb://localhost:" + analyticsMongo;
    }

    /** The stand-in a service stores its data in. */
    public String mongoConnectionString(Service service) {
        switch (service) {
            case TICKET_SERVICE:
                return eventStoreConnectionString();
            case ANALYTICS_SERVICE:
                return analyticsConnectionString();
            default:
                return mongoConnectionString();
        }
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + port(service);
    }

    /** Every port with what listens there, for the "port already in use" check. */
    public Map<Integer, String> allPorts() {
        Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(kafka, "Kafka broker");
        ports.put(kafkaController, "Kafka controller");
        ports.put(mongo, "MongoDB stand-in");
        ports.put(eventStoreMongo, "MongoDB stand-in of the event store");
        ports.put(analyticsMongo, "MongoDB stand-in of analytics-service");
        services.forEach((service, port) -> ports.put(port, service.moduleName() + " HTTP"));
        return ports;
    }

    /** A port nothing listens on right now, for tests and throw-away infrastructure. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
