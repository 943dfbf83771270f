package io.threadline.gateway.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for Meta's Graph API and Telegram's Bot API; tests stub answers per recipient.
 * Declare it with {@code restrictToAnnotatedClass = true}, like {@link TwilioApiResource}.
 */
public class SocialApiResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("threadline.gateway.social.meta.graph-base-url", server.baseUrl() + "/graph",
                "threadline.gateway.social.telegram.base-url", server.baseUrl() + "/telegram");
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
