package io.threadline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fails fast, with the fix in the message, when the services the run needs are not up. */
final class StackProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void requireReady(String service, URI baseUrl) throws InterruptedException {
        URI health = URI.create(baseUrl + "/q/health/ready");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(service + " is not reachable at " + baseUrl + " (" + e
                    + "). Start the stack with ./threadline up, or pass its URL.");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " is not ready: " + health + " answered "
                    + response.statusCode() + " " + response.body());
        }
    }
}
