package io.threadline.ticket.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.bson.Document;

import java.util.stream.Stream;

/** Reads a document of the event collection as the domain events it holds, upcast to today's revisions. */
@ApplicationScoped
public class StoredEvents {

    private final Serializer serializer;
    private final EventUpcasterChain upcasters;

    public StoredEvents(Serializer serializer, EventUpcasterChain upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    public DomainEventStream read(Document stored) {
        EventEntry entry = new EventEntry(stored, EventEntryConfiguration.getDefault());
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters);
    }
}
