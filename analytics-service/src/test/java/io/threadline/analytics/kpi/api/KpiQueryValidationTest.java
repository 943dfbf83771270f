package io.threadline.analytics.kpi.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.KpiApi;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class KpiQueryValidationTest {

    @ParameterizedTest(name = "{0}={1} is rejected naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            from     | yesterday                 | from
            from     | 2026-11-01                | from
            to       | 2026-13-01T00:00:00Z      | to
            interval | month                     | interval
            zone     | Mars/Olympus_Mons         | zone
            zone     | +05:17                    | zone
            channel  | E-Mail                    | channel
            priority | SOMETIMES                 | priority
            by       | customer                  | by
            format   | xml                       | format
            """)
    void badParameterIsA400NamingIt(String parameter, String value, String field) {
        for (String kpi : new String[]{"volumes", "response-times", "resolution-rates", "satisfaction"}) {
            given().queryParam(parameter, value)
                    .when().get(KpiApi.BASE + kpi)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
        given().queryParam(parameter, value)
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threadline.io/problems/invalid-request"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field));
    }

    @ParameterizedTest(name = "from={0} to={1} is rejected naming from")
    @CsvSource({
            "2026-11-02T00:00:00Z, 2026-11-01T00:00:00Z",
            "2026-11-01T00:00:00Z, 2026-11-01T00:00:00Z",
            "2025-01-01T00:00:00Z, 2026-02-05T00:00:01Z"})
    void emptyOrTooWideRangeIsA400NamingFrom(String from, String to) {
        given().queryParam("from", from).queryParam("to", to)
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aRangeOfExactlyFourHundredDaysIsAccepted() {
        // 2025-01-01 + 400 days = 2026-02-05.
        given().queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-02-05T00:00:00Z")
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(200)
                .body("to", equalTo("2026-02-05T00:00:00Z"));
    }

    @Test
    void hourBucketsAreLimitedToThirtyOneDays() {
        given().queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-02-01T00:15:00Z")
                .queryParam("interval", "hour")
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("interval"));
    }

    @Test
    void aGroupOrAgentWithControlCharactersIsRejected() {
        given().queryParam("agent", "bo\u0007b")
                .when().get(KpiApi.BASE + "backlog")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("agent"));
    }

    @Test
    void offsetsInFromAndToAreHonoured() {
        given().queryParam("from", "2026-11-01T00:00:00+01:00").queryParam("to", "2026-11-02T00:00:00-05:00")
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(200)
                .body("from", equalTo("2026-10-31T23:00:00Z"))
                .body("to", equalTo("2026-11-02T05:00:00Z"));
    }
}
