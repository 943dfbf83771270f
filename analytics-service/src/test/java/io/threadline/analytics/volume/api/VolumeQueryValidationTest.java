package io.threadline.analytics.volume.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.VolumeApi;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class VolumeQueryValidationTest {

    @ParameterizedTest(name = "{0}={1} is rejected naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            from     | yesterday                 | from
            from     | 2026-11-01                | from
            to       | 2026-13-01T00:00:00Z      | to
            interval | month                     | interval
            zone     | Mars/Olympus_Mons         | zone
            zone     | +05:17                    | zone
            channel  | E-Mail                    | channel
            """)
    void badParameterIsA400NamingIt(String parameter, String value, String field) {
        given().queryParam(parameter, value)
                .when().get(VolumeApi.PATH)
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
                .when().get(VolumeApi.PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aRangeOfExactlyFourHundredDaysIsAccepted() {
        // 2025-01-01 + 400 days = 2026-02-05.
        given().queryParam("from", "2025-01-01T00:00:00Z").queryParam("to", "2026-02-05T00:00:00Z")
                .when().get(VolumeApi.PATH)
                .then().statusCode(200)
                .body("to", equalTo("2026-02-05T00:00:00Z"));
    }

    @Test
    void offsetsInFromAndToAreHonoured() {
        given().queryParam("from", "2026-11-01T00:00:00+01:00").queryParam("to", "2026-11-02T00:00:00-05:00")
                .when().get(VolumeApi.PATH)
                .then().statusCode(200)
                .body("from", equalTo("2026-10-31T23:00:00Z"))
                .body("to", equalTo("2026-11-02T05:00:00Z"));
    }
}
