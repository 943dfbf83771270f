package io.threadline.history.projection;

import io.threadline.history.mongo.DocumentCodec;
import io.threadline.history.mongo.Fields;
import org.bson.Document;

/** Reply deliveries in the {@code deliveries} collection ({@code _id} outboundId), joined into replies when read. */
public final class DeliveryStateCodec implements DocumentCodec<DeliveryState> {

    @Override
    public Document toDocument(DeliveryState d) {
        return new Document("_id", d.outboundId()).append("customerId", d.customerId()).append("status", d.status())
                .append("providerMessageId", d.providerMessageId()).append("error", d.error())
                .append("seq", d.seq()).append("updatedAt", Fields.date(d.updatedAt()));
    }

    @Override
    public DeliveryState fromDocument(Document doc) {
        return new DeliveryState(doc.getString("_id"), doc.getString("customerId"), doc.getString("status"),
                doc.getString("providerMessageId"), doc.getString("error"), Fields.longValue(doc, "seq"),
                Fields.instant(doc, "updatedAt"));
    }

    @Override
    public DeliveryState empty(String id) {
        return new DeliveryState(id, null, null, null, null, -1, null);
    }
}
