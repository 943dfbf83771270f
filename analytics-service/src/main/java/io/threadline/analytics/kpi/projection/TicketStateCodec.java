package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketStatus;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A {@link TicketState} as a MongoDB document keyed by ticket id, and back. */
public final class TicketStateCodec {

    private TicketStateCodec() {
    }

    public static Document toDocument(TicketState s) {
        // An array, not a map: survey ids are not safe as field names.
        List<Document> surveys = new ArrayList<>();
        s.surveys.forEach((id, a) -> surveys.add(new Document("id", id).append("kind", a.kind().name())
                .append("score", a.score()).append("at", date(a.at())).append("dims", dims(a.dims()))));
        Document doc = new Document("_id", s.ticketId)
                .append("seq", s.sequence)
                .append("dims", dims(s.dims))
                .append("status", s.status == null ? null : s.status.name())
                .append("openedAt", date(s.openedAt))
                .append("firstMessageAt", date(s.firstMessageAt))
                .append("firstReplyAt", date(s.firstReplyAt))
                .append("repliesBeforeFirstSolve", s.repliesBeforeFirstSolve)
                .append("firstSolvedAt", date(s.firstSolvedAt))
                .append("firstSolvedDims", s.firstSolvedDims == null ? null : dims(s.firstSolvedDims))
                .append("fcrCounted", s.firstContactResolutionCounted)
                .append("reopenedAfterSolve", s.reopenedAfterSolve)
                .append("awaitingReplySince", date(s.awaitingReplySince))
                .append("mergedAway", s.mergedAway)
                .append("surveys", surveys);
        if (s.resolution != null) {
            doc.append("resolution", new Document("at", date(s.resolution.at()))
                    .append("dims", dims(s.resolution.dims()))
                    .append("millis", s.resolution.millis())
                    .append("businessMillis", s.resolution.businessMillis()));
        }
        return doc;
    }

    public static TicketState fromDocument(Document doc) {
        TicketState s = new TicketState(doc.getString("_id"));
        s.sequence = doc.get("seq", Number.class).longValue();
        s.dims = dims(doc.get("dims", Document.class));
        String status = doc.getString("status");
        s.status = status == null ? null : TicketStatus.valueOf(status);
        s.openedAt = instant(doc, "openedAt");
        s.firstMessageAt = instant(doc, "firstMessageAt");
        s.firstReplyAt = instant(doc, "firstReplyAt");
        s.repliesBeforeFirstSolve = doc.getInteger("repliesBeforeFirstSolve", 0);
        s.firstSolvedAt = instant(doc, "firstSolvedAt");
        Document firstSolvedDims = doc.get("firstSolvedDims", Document.class);
        s.firstSolvedDims = firstSolvedDims == null ? null : dims(firstSolvedDims);
        s.firstContactResolutionCounted = doc.getBoolean("fcrCounted", false);
        s.reopenedAfterSolve = doc.getBoolean("reopenedAfterSolve", false);
        s.awaitingReplySince = instant(doc, "awaitingReplySince");
        s.mergedAway = doc.getBoolean("mergedAway", false);
        Document resolution = doc.get("resolution", Document.class);
        if (resolution != null) {
            Number business = resolution.get("businessMillis", Number.class);
            s.resolution = new TicketState.Resolution(instant(resolution, "at"),
                    dims(resolution.get("dims", Document.class)), resolution.get("millis", Number.class).longValue(),
                    business == null ? null : business.longValue());
        }
        for (Document a : doc.getList("surveys", Document.class, List.of())) {
                s.surveys.put(a.getString("id"), new TicketState.SurveyAnswer(SurveyKind.valueOf(a.getString("kind")),
                        a.getInteger("score"), instant(a, "at"), dims(a.get("dims", Document.class))));
        }
        return s;
    }

    public static Document dims(Dimensions d) {
        return new Document("channel", d.channel()).append("group", d.group()).append("agent", d.agent())
                .append("priority", d.priority());
    }

    public static Dimensions dims(Document d) {
        return new Dimensions(d.getString("channel"), d.getString("group"), d.getString("agent"),
                d.getString("priority"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
