package io.threadline.gateway.testing;

import java.util.Map;

/**
 * WireMock standing in for customer-history-service's customer-facing API (lookup and conversation); tests stub its
 * answers per visitor. Declare it with {@code restrictToAnnotatedClass = true}.
 */
public class HistoryApiResource extends WireMockResource {

    @Override
    protected Map<String, String> pointAt(String baseUrl) {
        return Map.of("quarkus.rest-client.customer-history.url", baseUrl);
    }
}
