package io.threadline.gateway.social;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.util.UUID;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** WireMock answers of a provider's API: JSON, and a sequence of answers to the same request (fail, then succeed). */
final class ProviderStubs {

    private ProviderStubs() {
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The first matching call gets the first answer, the next the second, ...; the last answer stays. */
    static void answersInTurn(WireMockServer server, Supplier<MappingBuilder> request,
                              ResponseDefinitionBuilder... answers) {
        String scenario = "answers " + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(answers[i]);
            if (i < answers.length - 1) {
                state = "answer " + (i + 1);
                stub = stub.willSetStateTo(state);
            }
            server.stubFor(stub);
        }
    }
}
