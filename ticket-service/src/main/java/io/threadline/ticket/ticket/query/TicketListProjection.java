package io.threadline.ticket.ticket.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the {@code tickets} collection (one document per ticket, {@code _id} = ticketId) from the ticket's
 * domain events, for the agents' ticket list.
 *
 * <p>Fed by the event relay, from the event collection's change stream, before the events go to Kafka. Why
 * there rather than in an Axon subscribing processor inside the command's unit of work: without transactions
 * (the stand-in has none) a projection failing after the append would leave its row stale for good, while the
 * relay resumes from its saved position after any failure and replays the event, so the row converges. The
 * price is a lag of a few hundred milliseconds behind the event store, and no list updates while Kafka is
 * down; the ticket detail is read from the events themselves and is always current.
 *
 * <p>Each update applies only if the document's {@code version} (the aggregate sequence) is older than the
 * event, so a replayed event changes nothing: a relay resuming after a failure, or a new leader resuming from the
 * position its predecessor saved, replays a few events at most, harmlessly. Reading the version and then writing
 * relies on one relay writing at a time, which the relay's lease ensures across replicas.
 */
@ApplicationScoped
public class TicketListProjection {

    public static final String COLLECTION = "tickets";
    private static final int MAX_SEARCH_TEXT = 20_000;

    private final MongoCollection<Document> tickets;

    public TicketListProjection(MongoDatabase database) {
        this.tickets = database.getCollection(COLLECTION);
    }

    public void apply(DomainEventMessage<?> event) {
        if (!isListed(event.getPayload())) {
            return;
        }
        Bson byId = Filters.eq("_id", event.getAggregateIdentifier());
        // Filters on _id alone: the stand-in scans the whole collection for any other filter, which slowed
        // updates to ~120/s at 20k tickets. The relay holding the lease is the only writer, so reading the version
        // first is safe.
        Document current = tickets.find(byId).projection(new Document("version", 1).append("searchText", 1)).first();
        Number version = current == null ? null : current.get("version", Number.class);
        if (version != null && version.longValue() >= event.getSequenceNumber()) {
            return;
        }
        String searchText = current == null ? "" : current.get("searchText", "");
        List<Bson> changes = changesFor(event.getPayload(), searchText);
        changes.add(Updates.set("updatedAt", Date.from(event.getTimestamp())));
        changes.add(Updates.set("version", event.getSequenceNumber()));
        tickets.updateOne(byId, Updates.combine(changes), new UpdateOptions().upsert(true));
    }

    private static boolean isListed(Object payload) {
        return payload instanceof TicketOpenedEvent || payload instanceof InboundMessageRecordedEvent
                || payload instanceof TicketStatusChangedEvent || payload instanceof TicketAssignedEvent
                || payload instanceof TicketPriorityChangedEvent || payload instanceof InternalNoteAddedEvent
                || payload instanceof ReplyRequestedEvent || payload instanceof TicketTagsChangedEvent;
    }

    /** The fields an event sets besides updatedAt and version. */
    private static List<Bson> changesFor(Object payload, String searchText) {
        List<Bson> changes = new ArrayList<>();
        if (payload instanceof TicketOpenedEvent e) {
            changes.add(Updates.set("number", e.ticketNumber()));
            changes.add(Updates.set("customerId", e.customerId()));
            changes.add(Updates.set("status", TicketStatus.NEW.name()));
            changes.add(Updates.set("priority", TicketPriority.NORMAL.name()));
            changes.add(Updates.set("assignee", null));
            changes.add(Updates.set("group", null));
            changes.add(Updates.set("channel", e.channel()));
            changes.add(Updates.set("subject", e.subject()));
            changes.add(Updates.set("createdAt", e.openedAt() == null ? null : Date.from(e.openedAt())));
            changes.add(Updates.set("tags", List.of()));
            changes.add(Updates.set("searchText", searchable(searchText, e.subject())));
        } else if (payload instanceof InboundMessageRecordedEvent e) {
            // The channel shown is the one a reply would take: the customer's latest.
            changes.add(Updates.set("channel", e.message().channel()));
            if (e.message().receivedAt() != null) {
                changes.add(Updates.set("lastMessageAt", Date.from(e.message().receivedAt())));
            }
            changes.add(Updates.set("searchText", searchable(searchText, e.message().text())));
        } else if (payload instanceof TicketStatusChangedEvent e) {
            changes.add(Updates.set("status", e.status().name()));
        } else if (payload instanceof TicketAssignedEvent e) {
            changes.add(Updates.set("assignee", e.assignee()));
            changes.add(Updates.set("group", e.group()));
        } else if (payload instanceof TicketPriorityChangedEvent e) {
            changes.add(Updates.set("priority", e.priority().name()));
        } else if (payload instanceof TicketTagsChangedEvent e) {
            changes.add(Updates.set("tags", e.tags()));
        } else if (payload instanceof ReplyRequestedEvent e) {
            changes.add(Updates.set("searchText", searchable(searchText, e.text())));
        }
        return changes;
    }

    /**
     * The subject and message texts, lowercased, for the list's text filter; capped, since the detail holds the
     * whole conversation anyway.
     */
    private static String searchable(String searchText, String added) {
        if (added == null || added.isBlank()) {
            return searchText;
        }
        String joined = searchText.isEmpty() ? added.toLowerCase(Locale.ROOT)
                : searchText + "\n" + added.toLowerCase(Locale.ROOT);
        return joined.length() <= MAX_SEARCH_TEXT ? joined : joined.substring(0, MAX_SEARCH_TEXT);
    }
}
