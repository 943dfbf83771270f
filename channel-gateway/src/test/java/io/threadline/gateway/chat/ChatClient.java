package io.threadline.gateway.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A chat widget's side of the socket, on the JDK's WebSocket client: sends frames, collects what the server says. */
final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;
    private final CompletableFuture<Integer> closeCode;

    private ChatClient(WebSocket socket, BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closeCode) {
        this.socket = socket;
        this.frames = frames;
        this.closeCode = closeCode;
    }

    /** The socket URL of the gateway under test with these query parameters. */
    static URI socketUri(URI base, Map<String, String> query) {
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base.toString().replaceFirst("^http", "ws") + "chat/socket?" + parameters);
    }

    static ChatClient connect(URI socket) {
        return connect(socket, null);
    }

    static ChatClient connect(URI socket, String origin) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket webSocket = builder.buildAsync(socket, new Collector(frames, closeCode)).join();
        return new ChatClient(webSocket, frames, closeCode);
    }

    /** The HTTP status a refused handshake was answered with. */
    static int refusedWith(URI socket, String origin) {
        try {
            connect(socket, origin).close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("The handshake to " + socket + " was accepted");
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    void sendMessage(String clientMessageId, String text) {
        ObjectNode frame = JSON.createObjectNode().put("type", "message").put("clientMessageId", clientMessageId);
        frame.put("text", text);
        send(frame.toString());
    }

    /** The next frame of {@code type}, skipping others; fails after 20 s. */
    JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Map<String, Integer> skipped = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && type.equals(frame.path("type").asText())) {
                return frame;
            }
            if (frame != null) {
                skipped.merge(frame.path("type").asText(), 1, Integer::sum);
            }
        }
        throw new AssertionError("No " + type + " frame within 20 s; skipped " + skipped);
    }

    /** Whatever frame comes next within {@code timeout}, or null. */
    JsonNode poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code the server sent; fails after {@code timeout}. */
    int awaitClose(Duration timeout) throws Exception {
        return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
    }

    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> frames;
        private final CompletableFuture<Integer> closeCode;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> frames, CompletableFuture<Integer> closeCode) {
            this.frames = frames;
            this.closeCode = closeCode;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("The server sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
