package io.threadline.localstack.launcher;

import io.threadline.localstack.auth.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A data directory from before analytics-service had a stand-in of its own keeps its read model in the shared one.
 * On the first start with the new layout the service rebuilds it from ticket-service's replay source, its own
 * rebuild, so the KPIs cover the earlier tickets again; the old copy stays where it was, unused.
 */
final class AnalyticsStoreMove {

    private AnalyticsStoreMove() {
    }

    /** Whether {@code dataDir} holds a shared stand-in but none for analytics yet; ask before the stack starts. */
    static boolean pending(Path dataDir) {
        return Files.isDirectory(dataDir.resolve("mongodb")) && !Files.exists(dataDir.resolve("mongodb-analytics"));
    }

    /** Starts the rebuild on the running stack; says what happened, since the KPIs stay short until it ends. */
    static void rebuild(StackPorts ports) {
        String url = ports.baseUrl(Service.ANALYTICS_SERVICE) + "/api/v1/rebuilds";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DevTokens.forRoleInRepository("admin", "local-stack"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                System.out.println("analytics-service has a MongoDB stand-in of its own now: rebuilding its KPIs from"
                        + " ticket-service's events (progress: GET " + url + "/current).");
            } else {
                System.out.println("analytics-service has a MongoDB stand-in of its own now, but starting its rebuild"
                        + " failed (" + response.statusCode() + " " + response.body() + "); start it with POST " + url);
            }
        } catch (IOException e) {
            System.out.println("Could not start analytics-service's rebuild (" + e.getMessage() + "); start it with POST "
                    + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
