package io.threadline.bench.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a {@link ReplayCorpus} in the exact shape of ticket-service's replay source
 * ({@code GET /api/v1/replay/events?after=&limit=} → {@code {"events": [...], "nextCursor": ...}}, bearer token),
 * so the service rebuilds through its real HTTP client. The events are serialized beforehand: the run measures the
 * rebuild, not the making of the source.
 */
final class ReplaySourceServer implements AutoCloseable {

    static final String PATH = "/api/v1/replay/events";
    private static final int MAX_LIMIT = 5_000;
    private static final byte[] OPEN = "{\"events\":[".getBytes(StandardCharsets.US_ASCII);

    private final ReplayCorpus corpus;
    private final String token;
    private final HttpServer server;
    private final AtomicLong served = new AtomicLong();

    ReplaySourceServer(ReplayCorpus corpus, String token) {
        this.corpus = corpus;
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the replay source's port", e);
        }
        server.createContext(PATH, this::page);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "replay-source");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    long servedEvents() {
        return served.get();
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int from;
            int limit;
            try {
                from = query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
                limit = Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(query.getOrDefault("limit", "1000"))));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            int to = Math.min(corpus.size(), from + limit);
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(64, (to - from) * 700));
            body.write(OPEN);
            for (int i = from; i < to; i++) {
                if (i > from) {
                    body.write(',');
                }
                body.write(corpus.event(i));
            }
            String next = to < corpus.size() ? "\"" + to + "\"" : "null";
            body.write(("],\"nextCursor\":" + next + "}").getBytes(StandardCharsets.US_ASCII));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
            served.addAndGet(Math.max(0, to - from));
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
