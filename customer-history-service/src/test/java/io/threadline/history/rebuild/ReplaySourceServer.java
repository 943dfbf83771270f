package io.threadline.history.rebuild;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for ticket-service's replay source; the test stubs the pages it serves. Small pages
 * and batches, so that a rebuild of a short history still crosses page and batch boundaries.
 */
public class ReplaySourceServer implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "test-admin-token";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.replay-source.url", server.baseUrl(),
                "threadline.history.rebuild.token", TOKEN,
                "threadline.history.rebuild.page-size", "7",
                "threadline.history.rebuild.batch-size", "10");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
