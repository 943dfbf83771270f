package io.threadline.analytics;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built history over Monday 2 and Tuesday 3 November of a year, with ticket ids made unique by a prefix.
 * Every KPI over it was worked out by hand; the tests that use it write the arithmetic next to the numbers.
 * Business hours in the tests: Monday to Friday, 09:00-17:00 UTC.
 *
 * <pre>
 * A email  Mon 09:00 opened+message; 09:05 assigned billing/alice; 09:30 reply (FRT 30 min, business 30);
 *          10:00 solved (resolution 60 min, business 60; one reply: first-contact resolved); 11:00 CSAT 5.
 * B chat   Mon 16:00 opened+message; 16:10 assigned billing/bob; 16:20 priority HIGH;
 *          Tue 09:30 reply (FRT 17 h 30 = 1050 min; business 16:00-17:00 + 09:00-09:30 = 90 min);
 *          Tue 10:00 solved (first solve; one reply so FCR for now; resolution 1080 min);
 *          Tue 12:00 customer message + reopened (takes back the FCR and that resolution);
 *          Tue 13:00 reply; Tue 14:00 solved again (resolution 22 h = 1320 min; business 60 + 300 = 360 min);
 *          Tue 15:00 NPS 3 to survey s-B, replaced at 15:30 by NPS 10.
 * C email  Tue 09:00 opened+message; 09:10 reply (FRT 10 min); 09:20 reply; 09:40 solved (resolution 40 min,
 *          two replies: not FCR); 10:00 CSAT 2.
 * D email  Tue 10:00 opened+message; 10:05 merged into C (published on both), then closed.
 * E sms    Tue 11:00 opened+message; never answered: in the backlog, awaiting a reply since Tue 11:00.
 * F email  Wed 00:00 opened: on the exclusive end of the window [Mon 00:00, Wed 00:00).
 * Customers: one registered by email Mon 09:00, one by sms Tue 11:00.
 * </pre>
 */
public final class GoldenHistory {

    private GoldenHistory() {
    }

    /** The events of the history in {@code year} (2 November must be a Monday, e.g. 2026 or 2037). */
    public static List<IntegrationEvent> events(String prefix, int year) {
        EventFactory f = new EventFactory();
        String mon = year + "-11-02T";
        String tue = year + "-11-03T";
        String a = prefix + "A";
        String b = prefix + "B";
        String c = prefix + "C";
        String d = prefix + "D";
        String e = prefix + "E";
        List<IntegrationEvent> events = new ArrayList<>(List.of(
                f.customerRegistered(EventFactory.customer(a), "email", mon + "09:00:00Z"),
                f.opened(a, "email", mon + "09:00:00Z"),
                f.message(a, "email", mon + "09:00:00Z"),
                f.assigned(a, "billing", "alice", mon + "09:05:00Z"),
                f.reply(a, mon + "09:30:00Z"),
                f.status(a, TicketStatus.NEW, TicketStatus.SOLVED, mon + "10:00:00Z"),
                f.survey(a, "s-A", SurveyKind.CSAT, 5, mon + "11:00:00Z"),

                f.opened(b, "chat", mon + "16:00:00Z"),
                f.message(b, "chat", mon + "16:00:00Z"),
                f.assigned(b, "billing", "bob", mon + "16:10:00Z"),
                f.priority(b, TicketPriority.HIGH, mon + "16:20:00Z"),
                f.reply(b, tue + "09:30:00Z"),
                f.status(b, TicketStatus.NEW, TicketStatus.SOLVED, tue + "10:00:00Z"),
                f.message(b, "chat", tue + "12:00:00Z"),
                f.status(b, TicketStatus.SOLVED, TicketStatus.OPEN, tue + "12:00:00Z"),
                f.reply(b, tue + "13:00:00Z"),
                f.status(b, TicketStatus.OPEN, TicketStatus.SOLVED, tue + "14:00:00Z"),
                f.survey(b, "s-B", SurveyKind.NPS, 3, tue + "15:00:00Z"),
                f.survey(b, "s-B", SurveyKind.NPS, 10, tue + "15:30:00Z"),

                f.opened(c, "email", tue + "09:00:00Z"),
                f.message(c, "email", tue + "09:00:00Z"),
                f.reply(c, tue + "09:10:00Z"),
                f.reply(c, tue + "09:20:00Z"),
                f.status(c, TicketStatus.NEW, TicketStatus.SOLVED, tue + "09:40:00Z"),
                f.survey(c, "s-C", SurveyKind.CSAT, 2, tue + "10:00:00Z"),

                f.opened(d, "email", tue + "10:00:00Z"),
                f.message(d, "email", tue + "10:00:00Z"),
                f.merged(d, d, c, tue + "10:05:00Z"),
                f.merged(c, d, c, tue + "10:05:00Z"),
                f.status(d, TicketStatus.NEW, TicketStatus.CLOSED, tue + "10:05:00Z"),

                f.customerRegistered(EventFactory.customer(e), "sms", tue + "11:00:00Z"),
                f.opened(e, "sms", tue + "11:00:00Z"),
                f.message(e, "sms", tue + "11:00:00Z"),

                f.opened(prefix + "F", "email", year + "-11-04T00:00:00Z")));
        return events;
    }
}
