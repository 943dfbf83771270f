package io.threadline.history.customer.store;

import io.threadline.history.customer.graph.CustomerNode;
import io.threadline.history.customer.graph.IdentityClaim;
import io.threadline.history.customer.graph.MergeLink;
import io.threadline.history.customer.graph.Profile;
import io.threadline.history.mongo.DocumentCodec;
import io.threadline.history.mongo.Fields;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/** Customer nodes in the {@code customers} collection ({@code _id} customerId). */
public final class CustomerNodeCodec implements DocumentCodec<CustomerNode> {

    @Override
    public Document toDocument(CustomerNode node) {
        return new Document("_id", node.customerId())
                .append("registered", node.registered())
                .append("displayName", node.displayName())
                .append("profile", node.profile() == null ? null : new Document("name", node.profile().name())
                        .append("language", node.profile().language())
                        .append("timeZone", node.profile().timeZone())
                        .append("attributes", new Document(node.profile().attributes())))
                .append("profileSeq", node.profileSeq())
                .append("identities", node.identities().stream().map(c -> new Document("key", c.key())
                        .append("channel", c.channel())
                        .append("address", c.address())
                        .append("verified", c.verified())
                        .append("linked", c.linked())
                        .append("seq", c.seq())
                        .append("since", Fields.date(c.since()))).toList())
                .append("mergedInto", node.mergedInto() == null ? null : link(node.mergedInto()))
                .append("absorbed", node.absorbed().stream().map(CustomerNodeCodec::link).toList())
                .append("erased", node.erased());
    }

    @Override
    public CustomerNode fromDocument(Document doc) {
        Document profile = doc.get("profile", Document.class);
        Document mergedInto = doc.get("mergedInto", Document.class);
        return new CustomerNode(
                doc.getString("_id"),
                Boolean.TRUE.equals(doc.getBoolean("registered")),
                doc.getString("displayName"),
                profile == null ? null : new Profile(profile.getString("name"), profile.getString("language"),
                        profile.getString("timeZone"), attributes(profile.get("attributes", Document.class))),
                Fields.longValue(doc, "profileSeq"),
                Fields.documents(doc, "identities").stream().map(c -> new IdentityClaim(c.getString("key"),
                        c.getString("channel"), c.getString("address"), Boolean.TRUE.equals(c.getBoolean("verified")),
                        Boolean.TRUE.equals(c.getBoolean("linked")), Fields.longValue(c, "seq"),
                        Fields.instant(c, "since"))).toList(),
                mergedInto == null ? null : link(mergedInto),
                Fields.documents(doc, "absorbed").stream().map(CustomerNodeCodec::link).toList(),
                Boolean.TRUE.equals(doc.getBoolean("erased")));
    }

    @Override
    public CustomerNode empty(String id) {
        return CustomerNode.unknown(id);
    }

    private static Document link(MergeLink link) {
        return new Document("customerId", link.customerId()).append("mergeId", link.mergeId())
                .append("active", link.active()).append("seq", link.seq());
    }

    private static MergeLink link(Document doc) {
        return new MergeLink(doc.getString("customerId"), doc.getString("mergeId"),
                Boolean.TRUE.equals(doc.getBoolean("active")), Fields.longValue(doc, "seq"));
    }

    private static Map<String, String> attributes(Document doc) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (doc != null) {
            doc.forEach((key, value) -> attributes.put(key, value == null ? null : value.toString()));
        }
        return attributes;
    }
}
