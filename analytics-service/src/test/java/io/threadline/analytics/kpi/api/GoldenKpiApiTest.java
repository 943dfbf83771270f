package io.threadline.analytics.kpi.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.GoldenHistory;
import io.threadline.analytics.KpiApi;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.InfrastructureResource;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The golden history ({@link GoldenHistory}, in November 2037) through a real broker, the live projection and the
 * HTTP API. The arithmetic behind each number is in {@code GoldenProjectionTest} and repeated briefly here.
 * Window [Mon 2 Nov, Wed 4 Nov) UTC by day; business hours Mon-Fri 09:00-17:00 UTC (test profile).
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenKpiApiTest {

    static final Map<String, String> WINDOW = Map.of("from", "2037-11-02T00:00:00Z", "to", "2037-11-04T00:00:00Z");
    static final List<IntegrationEvent> HISTORY = GoldenHistory.events("api-", 2037);

    static final String VOLUMES = """
            {"from":"2037-11-02T00:00:00Z","to":"2037-11-04T00:00:00Z","zone":"UTC","interval":"day","filters":{},
             "by":"channel",
             "totals":{"ticketsCreated":5,"ticketsSolved":4,"ticketsReopened":1,"ticketsMerged":1,"messagesReceived":6,
                       "repliesSent":5,"customersRegistered":2},
             "series":[
              {"start":"2037-11-02T00:00:00Z","channel":"chat","ticketsCreated":1,"ticketsSolved":0,"ticketsReopened":0,
               "ticketsMerged":0,"messagesReceived":1,"repliesSent":0,"customersRegistered":0},
              {"start":"2037-11-02T00:00:00Z","channel":"email","ticketsCreated":1,"ticketsSolved":1,"ticketsReopened":0,
               "ticketsMerged":0,"messagesReceived":1,"repliesSent":1,"customersRegistered":1},
              {"start":"2037-11-03T00:00:00Z","channel":"chat","ticketsCreated":0,"ticketsSolved":2,"ticketsReopened":1,
               "ticketsMerged":0,"messagesReceived":1,"repliesSent":2,"customersRegistered":0},
              {"start":"2037-11-03T00:00:00Z","channel":"email","ticketsCreated":2,"ticketsSolved":1,"ticketsReopened":0,
               "ticketsMerged":1,"messagesReceived":2,"repliesSent":2,"customersRegistered":0},
              {"start":"2037-11-03T00:00:00Z","channel":"sms","ticketsCreated":1,"ticketsSolved":0,"ticketsReopened":0,
               "ticketsMerged":0,"messagesReceived":1,"repliesSent":0,"customersRegistered":1}]}""";

    @Inject
    MongoClient mongo;

    @BeforeAll
    static void publishTheHistory() {
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(HISTORY);
        }
    }

    @Test
    @Order(1)
    void volumesByChannelAndDay() {
        // Monday: chat B opened with its message; email A opened, message, reply, solve, its customer registered.
        // Tuesday: chat B replied twice, solved twice, reopened once, one message; email C and D opened with a
        // message each, C replied twice and solved, D merged; sms E opened with a message, its customer registered.
        // F (Wed 00:00) is outside the window.
        KpiApi.awaitReport("volumes", WINDOW, VOLUMES);
    }

    @Test
    @Order(2)
    void responseTimesWithBusinessHours() {
        // Monday: A alone. FRT 30 min = 1800 s, resolution 60 min = 3600 s, the same in business hours.
        // Tuesday: FRT C 10 min, B 1050 min: median (1st of 2) 600 s, p90 (2nd) 63000 s, mean 530 min = 31800 s;
        //   business C 10, B 90 min: 600 s, 5400 s, mean 50 min = 3000 s.
        //   Resolution C 40, B 1320 min (B's first resolution taken back): 2400 s, 79200 s, mean 680 min = 40800 s;
        //   business C 40, B 360 min: 2400 s, 21600 s, mean 200 min = 12000 s.
        // Totals: FRT 10, 30, 1050 min: median 1800 s, p90 63000 s, mean 363.33 min = 21800 s; business 10, 30,
        //   90 min: 1800, 5400, 2600 s. Resolution 40, 60, 1320 min: 3600, 79200, 28400 s; business 40, 60,
        //   360 min: 3600, 21600, 9200 s.
        KpiApi.awaitReport("response-times", WINDOW, """
                {"from":"2037-11-02T00:00:00Z","to":"2037-11-04T00:00:00Z","zone":"UTC","interval":"day","filters":{},
                 "totals":{"firstResponse":{"count":3,"medianSeconds":1800,"p90Seconds":63000,"meanSeconds":21800.0},
                           "fullResolution":{"count":3,"medianSeconds":3600,"p90Seconds":79200,"meanSeconds":28400.0},
                           "firstResponseBusinessHours":{"count":3,"medianSeconds":1800,"p90Seconds":5400,"meanSeconds":2600.0},
                           "fullResolutionBusinessHours":{"count":3,"medianSeconds":3600,"p90Seconds":21600,"meanSeconds":9200.0}},
                 "series":[
                  {"start":"2037-11-02T00:00:00Z",
                   "firstResponse":{"count":1,"medianSeconds":1800,"p90Seconds":1800,"meanSeconds":1800.0},
                   "fullResolution":{"count":1,"medianSeconds":3600,"p90Seconds":3600,"meanSeconds":3600.0},
                   "firstResponseBusinessHours":{"count":1,"medianSeconds":1800,"p90Seconds":1800,"meanSeconds":1800.0},
                   "fullResolutionBusinessHours":{"count":1,"medianSeconds":3600,"p90Seconds":3600,"meanSeconds":3600.0}},
                  {"start":"2037-11-03T00:00:00Z",
                   "firstResponse":{"count":2,"medianSeconds":600,"p90Seconds":63000,"meanSeconds":31800.0},
                   "fullResolution":{"count":2,"medianSeconds":2400,"p90Seconds":79200,"meanSeconds":40800.0},
                   "firstResponseBusinessHours":{"count":2,"medianSeconds":600,"p90Seconds":5400,"meanSeconds":3000.0},
                   "fullResolutionBusinessHours":{"count":2,"medianSeconds":2400,"p90Seconds":21600,"meanSeconds":12000.0}}]}""");
    }

    @Test
    @Order(3)
    void resolutionRates() {
        // Monday: A first solved with one reply: 1 of 1 first-contact. Tuesday: B and C first solved; B reopened
        // (its FCR taken back), C had two replies: 0 of 2 first-contact, 1 of 2 reopened. Totals 1 of 3 each.
        KpiApi.awaitReport("resolution-rates", WINDOW, """
                {"from":"2037-11-02T00:00:00Z","to":"2037-11-04T00:00:00Z","zone":"UTC","interval":"day","filters":{},
                 "totals":{"ticketsFirstSolved":3,"firstContactResolved":1,"firstContactResolutionPercent":33.3,
                           "reopenedAfterSolve":1,"reopenPercent":33.3},
                 "series":[
                  {"start":"2037-11-02T00:00:00Z","ticketsFirstSolved":1,"firstContactResolved":1,
                   "firstContactResolutionPercent":100.0,"reopenedAfterSolve":0,"reopenPercent":0.0},
                  {"start":"2037-11-03T00:00:00Z","ticketsFirstSolved":2,"firstContactResolved":0,
                   "firstContactResolutionPercent":0.0,"reopenedAfterSolve":1,"reopenPercent":50.0}]}""");
    }

    @Test
    @Order(4)
    void satisfaction() {
        // CSAT: A 5 on Monday (satisfied), C 2 on Tuesday: 1 of 2 = 50 %. NPS: B answered 3, then 10 to the same
        // survey on Tuesday: 1 promoter, 0 detractors of 1 = +100.
        KpiApi.awaitReport("satisfaction", WINDOW, """
                {"from":"2037-11-02T00:00:00Z","to":"2037-11-04T00:00:00Z","zone":"UTC","interval":"day","filters":{},
                 "totals":{"csatResponses":2,"csatSatisfied":1,"csatPercent":50.0,
                           "npsResponses":1,"npsPromoters":1,"npsDetractors":0,"nps":100.0},
                 "series":[
                  {"start":"2037-11-02T00:00:00Z","csatResponses":1,"csatSatisfied":1,"csatPercent":100.0,
                   "npsResponses":0,"npsPromoters":0,"npsDetractors":0},
                  {"start":"2037-11-03T00:00:00Z","csatResponses":1,"csatSatisfied":0,"csatPercent":0.0,
                   "npsResponses":1,"npsPromoters":1,"npsDetractors":0,"nps":100.0}]}""");
    }

    @Test
    @Order(5)
    void filtersCombineAndTheBreakdownFollowsThem() {
        KpiApi.awaitReport("volumes", WINDOW, VOLUMES);
        // group=billing, by agent: alice (A after 09:05: reply, solve) and bob (B after 16:10: Tuesday's message,
        // two replies, two solves, the reopen). Billing's tickets were opened before being assigned: no creations.
        Map<String, String> billingByAgent = Map.of("from", WINDOW.get("from"), "to", WINDOW.get("to"),
                "group", "billing", "by", "agent", "interval", "week");
        KpiApi.awaitReport("volumes", billingByAgent, """
                {"from":"2037-11-02T00:00:00Z","to":"2037-11-04T00:00:00Z","zone":"UTC","interval":"week",
                 "filters":{"group":"billing"},"by":"agent",
                 "totals":{"ticketsCreated":0,"ticketsSolved":3,"ticketsReopened":1,"ticketsMerged":0,
                           "messagesReceived":1,"repliesSent":3,"customersRegistered":0},
                 "series":[
                  {"start":"2037-11-02T00:00:00Z","agent":"alice","ticketsCreated":0,"ticketsSolved":1,
                   "ticketsReopened":0,"ticketsMerged":0,"messagesReceived":0,"repliesSent":1,"customersRegistered":0},
                  {"start":"2037-11-02T00:00:00Z","agent":"bob","ticketsCreated":0,"ticketsSolved":2,
                   "ticketsReopened":1,"ticketsMerged":0,"messagesReceived":1,"repliesSent":2,"customersRegistered":0}]}""");
        // channel=chat and priority=HIGH: B after 16:20 Monday; FRT 1050 min, resolution 1320 min.
        Map<String, String> urgentChat = Map.of("from", WINDOW.get("from"), "to", WINDOW.get("to"),
                "channel", "chat", "priority", "high", "by", "none");
        KpiApi.awaitValue("response-times", urgentChat, "/totals/firstResponse/medianSeconds", 63000);
        KpiApi.awaitValue("response-times", urgentChat, "/totals/fullResolution/medianSeconds", 79200);
    }

    @Test
    @Order(6)
    void csvExportHasARowPerBucketAndAColumnPerValue() {
        given().queryParams(WINDOW).queryParam("format", "csv")
                .when().get(KpiApi.BASE + "response-times")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("response-times-2037-11-02T00-00-00Z"))
                .body(equalTo("""
                        start,firstResponse.count,firstResponse.medianSeconds,firstResponse.p90Seconds,firstResponse.meanSeconds,fullResolution.count,fullResolution.medianSeconds,fullResolution.p90Seconds,fullResolution.meanSeconds,firstResponseBusinessHours.count,firstResponseBusinessHours.medianSeconds,firstResponseBusinessHours.p90Seconds,firstResponseBusinessHours.meanSeconds,fullResolutionBusinessHours.count,fullResolutionBusinessHours.medianSeconds,fullResolutionBusinessHours.p90Seconds,fullResolutionBusinessHours.meanSeconds
                        2037-11-02T00:00:00Z,1,1800,1800,1800.0,1,3600,3600,3600.0,1,1800,1800,1800.0,1,3600,3600,3600.0
                        2037-11-03T00:00:00Z,2,600,63000,31800.0,2,2400,79200,40800.0,2,600,5400,3000.0,2,2400,21600,12000.0
                        """));
        given().queryParams(WINDOW).accept("text/csv")
                .when().get(KpiApi.BASE + "volumes")
                .then().statusCode(200)
                .body(startsWith("start,channel,ticketsCreated,"))
                .body(containsString("\n2037-11-03T00:00:00Z,sms,1,0,0,0,1,0,1\n"));
    }

    @Test
    @Order(7)
    void theWholeHistoryRedeliveredChangesNothing() {
        EventFactory later = new EventFactory();
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(HISTORY);
            // Behind the copies, on each ticket's partition, one reply on 5 November (a sequence after the history's).
            for (String ticket : List.of("api-A", "api-B", "api-C", "api-D", "api-E", "api-F")) {
                publisher.publish(EventFactory.withSequence(later.reply(ticket, "2037-11-05T12:00:00Z"), 100));
            }
        }
        KpiApi.awaitValue("volumes", Map.of("from", "2037-11-05T00:00:00Z", "to", "2037-11-06T00:00:00Z"),
                "/totals/repliesSent", 6);
        // Every copy was processed before the replies behind it: the numbers have not moved.
        KpiApi.awaitReport("volumes", WINDOW, VOLUMES);
    }

    @Test
    @Order(8)
    void erasureKeepsTheNumbersAndNothingPersonalIsStored() {
        String customer = EventFactory.customer("api-A");
        EventFactory later = new EventFactory();
        later.customerRegistered(customer, "email", "2037-11-02T09:00:00Z"); // sequence 0 is in the history
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(later.customerErased(customer, "2037-11-10T00:00:00Z"));
            publisher.publish(later.customerRegistered(customer + "-marker", "chat", "2037-11-10T00:00:00Z"));
        }
        KpiApi.awaitValue("volumes", Map.of("from", "2037-11-10T00:00:00Z", "to", "2037-11-11T00:00:00Z"),
                "/totals/customersRegistered", 1);

        KpiApi.awaitReport("volumes", WINDOW, VOLUMES);
        MongoDatabase database = mongo.getDatabase("threadline-analytics");
        for (String collection : database.listCollectionNames()) {
            for (Document doc : database.getCollection(collection).find()) {
                assertThat(doc.toJson()).as(collection).doesNotContain("Alice", "alice@example.com", "mug",
                        "Order #4411", "thanks");
            }
        }
    }
}
