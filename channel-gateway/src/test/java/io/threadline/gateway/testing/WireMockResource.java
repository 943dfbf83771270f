package io.threadline.gateway.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for one HTTP peer of the gateway; tests get it injected as a {@link WireMockServer}
 * field and stub its answers. Subclasses say which settings point the gateway at it.
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** The gateway's settings that make it call {@code baseUrl} instead of the real peer. */
    protected abstract Map<String, String> pointAt(String baseUrl);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return pointAt(server.baseUrl());
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
