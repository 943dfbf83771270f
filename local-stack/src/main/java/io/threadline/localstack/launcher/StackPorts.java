package io.threadline.localstack.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where each part of the local stack listens. ticket-service's event store has a MongoDB stand-in of its own:
 * the stand-in keeps one oplog for all its databases and scans it for every change-stream read, so the relay's
 * reads would otherwise compete with every other service's writes. {@link #DEFAULTS} are the documented fixed ports, the same
 * as in docker-compose.yml; tests take free ports instead so they never collide with a running stack.
 */
public record StackPorts(int kafka, int kafkaController, int mongo, int eventStoreMongo,
                         Map<Service, Integer> services) {

    public static final StackPorts DEFAULTS = new StackPorts(9092, 9093, 27017, 27018, Map.of(
            Service.CHANNEL_GATEWAY, 8080,
            Service.TICKET_SERVICE, 8081,
            Service.CUSTOMER_HISTORY_SERVICE, 8082,
            Service.ANALYTICS_SERVICE, 8083));

    public static StackPorts free() {
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, freePort());
        }
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), services);
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
