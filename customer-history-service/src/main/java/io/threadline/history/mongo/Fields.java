package io.threadline.history.mongo;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Small conversions between Java values and BSON fields; times are BSON dates (millisecond precision). */
public final class Fields {

    private Fields() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static long longValue(Document doc, String field) {
        Number number = doc.get(field, Number.class);
        return number == null ? 0 : number.longValue();
    }

    public static List<Document> documents(Document doc, String field) {
        return doc.getList(field, Document.class, List.of());
    }

    public static List<String> strings(Document doc, String field) {
        return doc.getList(field, String.class, List.of());
    }
}
