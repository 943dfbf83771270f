package io.threadline.gateway.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server standing in for Twilio's REST API; tests stub its answers per recipient number. Declare it with
 * {@code restrictToAnnotatedClass = true}: while it runs in the test JVM, the email webhook's oversized upload ends
 * in a broken pipe instead of its 413 answer.
 */
public class TwilioApiResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("threadline.gateway.sms.twilio.base-url", server.baseUrl());
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
