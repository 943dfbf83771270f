package io.threadline.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class OperationsEndpointsTest {

    @Test
    void readinessReflectsKafkaAndMongo() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("MongoDB connection health check"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volumes", "response-times", "resolution-rates", "satisfaction", "backlog", "workload"})
    void openApiDocumentsEveryKpiUnderMetrics(String kpi) {
        String path = "paths.'/api/v1/metrics/" + kpi + "'.get";
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(path + ".tags", hasItem("Metrics"))
                .body(path + ".parameters.name", hasItem("channel"))
                .body(path + ".responses.'400'.content", hasKey("application/problem+json"));
    }

    @Test
    void projectionMetersAndLiveGaugesAreExportedFromTheStart() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("threadline_analytics_projected_events_total{type=\"MessageReceived\"}"))
                .body(containsString("threadline_analytics_projected_events_total{type=\"CustomerRegistered\"}"))
                .body(containsString("threadline_analytics_backlog_tickets{status=\"NEW\"}"))
                .body(containsString("threadline_analytics_oldest_unanswered_message_age_seconds"));
    }
}
