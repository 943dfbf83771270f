package io.threadline.localstack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for a part of the stack to be ready: a port that accepts connections, or a health check that is UP. */
final class ReadinessProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReadinessProbe() {
    }

    static void awaitPort(ChildProcess process, int port, Duration timeout) {
        await(process, timeout, () -> accepts(port), "port " + port + " to accept connections");
    }

    static void awaitHealthy(ChildProcess process, String baseUrl, Duration timeout) {
        await(process, timeout, () -> isReady(baseUrl), baseUrl + "/q/health/ready to report UP");
    }

    static void awaitLogLine(ChildProcess process, String line, Duration timeout) {
        await(process, timeout, () -> process.logContains(line), process.name() + " to log \"" + line + "\"");
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isReady(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(ChildProcess process, Duration timeout, BooleanSupplier ready, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new StackStartException(process.name() + " exited while waiting for " + what
                        + ". Last lines of " + process.logFile() + ":\n" + process.logTail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + ". Last lines of " + process.logFile() + ":\n" + process.logTail(30));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("Interrupted while waiting for " + what);
            }
        }
    }
}
