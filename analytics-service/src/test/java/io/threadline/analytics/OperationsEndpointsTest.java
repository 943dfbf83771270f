package io.threadline.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

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

    @Test
    void openApiDocumentsTheVolumesEndpointUnderMetrics() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/metrics/volumes'.get.tags", hasItem("Metrics"))
                .body("paths.'/api/v1/metrics/volumes'.get.parameters.name", hasItem("zone"))
                .body("paths.'/api/v1/metrics/volumes'.get.responses.'400'.content",
                        hasKey("application/problem+json"));
    }

    @Test
    void projectionMeterIsExportedFromTheStart() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("threadline_analytics_projected_events_total{type=\"MessageReceived\"}"));
    }
}
