package io.threadline.gateway.chat;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** customer-history-service's answers, as WireMock serves them to the gateway under test. */
final class HistoryStubs {

    static final String SERVICE_TOKEN = "Bearer test-service-token";

    private HistoryStubs() {
    }

    /**
     * The visitor's chat identity belongs to {@code customerId}, whose conversation is these two pages, oldest first
     * ({@code secondPage} may be null). As history serves it: the newest page first, then back by previousCursor.
     */
    static void conversation(WireMockServer history, String chatAddress, String customerId, String firstPage,
                             String secondPage) {
        history.stubFor(get(urlPathEqualTo("/api/v1/customers/lookup"))
                .withQueryParam("identity", equalTo("chat:" + chatAddress))
                .withHeader("Authorization", equalTo(SERVICE_TOKEN))
                .willReturn(okJson("{\"customerId\":\"" + customerId + "\",\"identities\":[]}")));
        history.stubFor(get(urlPathEqualTo("/api/v1/customers/" + customerId + "/conversation"))
                .withQueryParam("cursor", absent())
                .withQueryParam("start", equalTo("newest"))
                .withHeader("Authorization", equalTo(SERVICE_TOKEN))
                .willReturn(okJson(secondPage == null ? page(customerId, firstPage, null)
                        : page(customerId, secondPage, "page-1"))));
        if (secondPage != null) {
            history.stubFor(get(urlPathEqualTo("/api/v1/customers/" + customerId + "/conversation"))
                    .withQueryParam("cursor", equalTo("page-1"))
                    .withHeader("Authorization", equalTo(SERVICE_TOKEN))
                    .willReturn(okJson(page(customerId, firstPage, null))));
        }
    }

    /** The history answers the visitor's lookup with {@code status}. */
    static void lookupAnswers(WireMockServer history, String chatAddress, int status) {
        history.stubFor(get(urlPathEqualTo("/api/v1/customers/lookup"))
                .withQueryParam("identity", equalTo("chat:" + chatAddress))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":" + status + "}")));
    }

    static String entry(String direction, String channel, String author, String text, String at) {
        return "{\"entryId\":\"e-" + Math.abs(text.hashCode()) + "\",\"direction\":\"" + direction + "\",\"channel\":\""
                + channel + "\",\"author\":\"" + author + "\",\"text\":\"" + text + "\",\"attachments\":[],"
                + "\"occurredAt\":\"" + at + "\"}";
    }

    private static String page(String customerId, String entries, String previousCursor) {
        return "{\"customerId\":\"" + customerId + "\",\"entries\":[" + entries + "],\"nextCursor\":null,"
                + "\"previousCursor\":" + (previousCursor == null ? "null" : "\"" + previousCursor + "\"") + "}";
    }
}
