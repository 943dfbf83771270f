package io.threadline.history.customer.store;

import io.threadline.history.customer.graph.IdentityOwners;
import io.threadline.history.mongo.DocumentCodec;
import io.threadline.history.mongo.Fields;
import org.bson.Document;

import java.util.List;

/** The identity index ({@code identities}, {@code _id} = normalized {@code channel:address}). */
public final class IdentityOwnersCodec implements DocumentCodec<IdentityOwners> {

    @Override
    public Document toDocument(IdentityOwners value) {
        return new Document("_id", value.key()).append("owners", value.owners().stream()
                .map(o -> new Document("customerId", o.customerId()).append("verified", o.verified())
                        .append("since", Fields.date(o.since()))).toList());
    }

    @Override
    public IdentityOwners fromDocument(Document doc) {
        return new IdentityOwners(doc.getString("_id"), Fields.documents(doc, "owners").stream()
                .map(o -> new IdentityOwners.Owner(o.getString("customerId"),
                        Boolean.TRUE.equals(o.getBoolean("verified")), Fields.instant(o, "since"))).toList());
    }

    @Override
    public IdentityOwners empty(String id) {
        return new IdentityOwners(id, List.of());
    }
}
