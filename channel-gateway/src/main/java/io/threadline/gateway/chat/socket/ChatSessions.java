package io.threadline.gateway.chat.socket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import io.threadline.servicekit.metrics.HeldGauges;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The chat sockets open on this replica, by the visitor's chat address (one visitor may have several tabs open). Other
 * replicas hold other sockets; pushes reach every replica, and each looks up its own here.
 */
@ApplicationScoped
public class ChatSessions {

    private final ConcurrentMap<String, Set<WebSocketConnection>> byAddress = new ConcurrentHashMap<>();

    public ChatSessions(MeterRegistry metrics) {
        HeldGauges.register(metrics, Gauge.builder("threadline.gateway.chat.sockets", byAddress,
                        sockets -> sockets.values().stream().mapToInt(Set::size).sum())
                .description("Chat sockets open on this replica"));
    }

    void opened(String address, WebSocketConnection connection) {
        byAddress.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void closed(String address, WebSocketConnection connection) {
        byAddress.computeIfPresent(address, (a, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
    }

    /** The open sockets of one visitor on this replica; empty when it has none here. */
    public List<WebSocketConnection> of(String address) {
        Set<WebSocketConnection> connections = byAddress.get(address);
        return connections == null ? List.of() : connections.stream().filter(WebSocketConnection::isOpen).toList();
    }
}
