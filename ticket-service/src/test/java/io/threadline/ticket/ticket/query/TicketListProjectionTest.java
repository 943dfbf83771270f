package io.threadline.ticket.ticket.query;

import com.mongodb.client.MongoDatabase;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import io.threadline.testsupport.StandInMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket list read model and its queries, on the MongoDB stand-in. */
@ExtendWith(StandInMongo.class)
class TicketListProjectionTest {

    private static final TicketSort NEWEST = TicketSort.UPDATED_NEWEST;
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final TicketFilter ALL = new TicketFilter(null, null, null, null, null, null, null, null);

    private MongoDatabase database;
    private TicketListProjection projection;
    private TicketList list;

    @BeforeEach
    void freshDatabase(MongoDatabase database) {
        this.database = database;
        projection = new TicketListProjection(database);
        list = new TicketList(database);
    }

    @Test
    void rowFollowsTheTicketsEvents() {
        open("t-1", "TL-1001", T0);
        apply("t-1", 2, T0.plusSeconds(60), new TicketStatusChangedEvent("t-1", "TL-1001", "c-t-1", TicketStatus.NEW,
                TicketStatus.PENDING, "bob"));
        apply("t-1", 3, T0.plusSeconds(120), new TicketAssignedEvent("t-1", "TL-1001", "c-t-1", "bob", "billing", null,
                null, "bob"));
        apply("t-1", 4, T0.plusSeconds(180), new TicketPriorityChangedEvent("t-1", "TL-1001", "c-t-1",
                TicketPriority.NORMAL, TicketPriority.HIGH, "bob"));
        apply("t-1", 5, T0.plusSeconds(240), new InternalNoteAddedEvent("t-1", "TL-1001", "c-t-1", "n-1", "bob", "x"));

        TicketSummary row = list.find(ALL, NEWEST, 10, null).items().get(0);

        assertThat(row).isEqualTo(new TicketSummary("t-1", "TL-1001", "c-t-1", TicketStatus.PENDING,
                TicketPriority.HIGH, "bob", "billing", "email", "Order", T0, T0.plusSeconds(240), T0, List.of(), 5));
    }

    @Test
    void aReplayedOlderEventChangesNothing() {
        open("t-1", "TL-1001", T0);
        TicketStatusChangedEvent pending = new TicketStatusChangedEvent("t-1", "TL-1001", "c-t-1", TicketStatus.NEW,
                TicketStatus.PENDING, "bob");
        apply("t-1", 2, T0.plusSeconds(60), pending);
        apply("t-1", 3, T0.plusSeconds(120), new TicketStatusChangedEvent("t-1", "TL-1001", "c-t-1",
                TicketStatus.PENDING, TicketStatus.SOLVED, "bob"));

        apply("t-1", 2, T0.plusSeconds(60), pending);
        open("t-1", "TL-1001", T0);

        TicketSummary row = list.find(ALL, NEWEST, 10, null).items().get(0);
        assertThat(row.status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(row.version()).isEqualTo(3);
    }

    @Test
    void customerMessageMovesTheChannelAndLastMessageTime() {
        open("t-1", "TL-1001", T0);
        MessageDetails chat = new MessageDetails("m-2", "chat", "p-2", "session-1", "Alice", null, "Hi", List.of(),
                T0.plusSeconds(30), T0.plusSeconds(30), null);
        apply("t-1", 2, T0.plusSeconds(31), new InboundMessageRecordedEvent("t-1", "TL-1001", "c-t-1", chat,
                ThreadingRule.OPEN_TICKET));

        TicketSummary row = list.find(channel("chat"), NEWEST, 10, null).items().get(0);
        assertThat(row.lastMessageAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(list.find(channel("email"), NEWEST, 10, null).items()).isEmpty();
    }

    @Test
    void pagesGoFromNewestToOldestWithoutGapsOrRepeats() {
        for (int i = 1; i <= 5; i++) {
            open("t-" + i, "TL-100" + i, T0.plusSeconds(i));
        }
        // Two tickets updated at the same instant are ordered by id.
        open("t-6", "TL-1006", T0.plusSeconds(5));

        TicketPage first = list.find(ALL, NEWEST, 4, null);
        TicketPage second = list.find(ALL, NEWEST, 4, TicketCursor.decode(first.nextCursor()).orElseThrow());

        assertThat(first.items()).extracting(TicketSummary::id).containsExactly("t-6", "t-5", "t-4", "t-3");
        assertThat(second.items()).extracting(TicketSummary::id).containsExactly("t-2", "t-1");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void filtersCombine() {
        open("t-1", "TL-1001", T0);
        open("t-2", "TL-1002", T0.plusSeconds(1));
        apply("t-2", 2, T0.plusSeconds(2), new TicketStatusChangedEvent("t-2", "TL-1002", "c-t-2", TicketStatus.NEW,
                TicketStatus.OPEN, "bob"));

        apply("t-2", 3, T0.plusSeconds(3), new TicketTagsChangedEvent("t-2", "TL-1002", "c-t-2",
                List.of("refund", "vip"), List.of("refund", "vip"), List.of(), "bob"));
        apply("t-2", 4, T0.plusSeconds(4), new TicketAssignedEvent("t-2", "TL-1002", "c-t-2", "bob", "billing", null,
                null, "bob"));

        assertThat(ids(new TicketFilter(TicketStatus.OPEN, null, null, null, null, null, null, null)))
                .containsExactly("t-2");
        assertThat(ids(new TicketFilter(TicketStatus.OPEN, null, null, null, null, null, "c-t-1", null))).isEmpty();
        assertThat(ids(new TicketFilter(null, null, null, null, "email", null, "c-t-1", null))).containsExactly("t-1");
        assertThat(ids(new TicketFilter(null, "bob", "billing", TicketPriority.NORMAL, null, "vip", null, null)))
                .containsExactly("t-2");
        assertThat(ids(new TicketFilter(null, null, "sales", null, null, null, null, null))).isEmpty();
        assertThat(ids(new TicketFilter(null, null, null, null, null, "spam", null, null))).isEmpty();
    }

    @Test
    void textMatchesSubjectOrAnyMessageIgnoringCase() {
        open("t-1", "TL-1001", T0);
        open("t-2", "TL-1002", T0.plusSeconds(1));
        apply("t-2", 2, T0.plusSeconds(2), new ReplyRequestedEvent("t-2", "TL-1002", "c-t-2", "o-1", "bob", "email",
                "alice@example.com", "Re: Order", "Your REFUND (partial) is on its way", null));

        assertThat(ids(text("refund (partial)"))).containsExactly("t-2");
        assertThat(ids(text("hello"))).containsExactly("t-2", "t-1");
        assertThat(ids(text("order"))).containsExactly("t-2", "t-1");
        assertThat(ids(text("invoice"))).isEmpty();
    }

    @Test
    void sortsByCreationOldestFirstWithItsOwnCursor() {
        for (int i = 1; i <= 3; i++) {
            open("t-" + i, "TL-100" + i, T0.plusSeconds(i));
        }
        apply("t-1", 2, T0.plusSeconds(10), new TicketStatusChangedEvent("t-1", "TL-1001", "c-t-1", TicketStatus.NEW,
                TicketStatus.OPEN, "bob"));

        TicketPage first = list.find(ALL, TicketSort.CREATED_OLDEST, 2, null);
        TicketPage second = list.find(ALL, TicketSort.CREATED_OLDEST, 2,
                TicketCursor.decode(first.nextCursor()).orElseThrow());

        assertThat(first.items()).extracting(TicketSummary::id).containsExactly("t-1", "t-2");
        assertThat(second.items()).extracting(TicketSummary::id).containsExactly("t-3");
        assertThat(list.find(ALL, NEWEST, 3, null).items()).extracting(TicketSummary::id)
                .containsExactly("t-1", "t-3", "t-2");
    }

    private List<String> ids(TicketFilter filter) {
        return list.find(filter, NEWEST, 10, null).items().stream().map(TicketSummary::id).toList();
    }

    private static TicketFilter channel(String channel) {
        return new TicketFilter(null, null, null, null, channel, null, null, null);
    }

    private static TicketFilter text(String text) {
        return new TicketFilter(null, null, null, null, null, null, null, text);
    }

    private void open(String ticketId, String number, Instant at) {
        apply(ticketId, 0, at, new TicketOpenedEvent(ticketId, number, "c-" + ticketId, "email", "Order", at, null, null));
        MessageDetails first = new MessageDetails("m-" + ticketId, "email", "p-" + ticketId, "alice@example.com",
                "Alice", "Order", "Hello", List.of(), at, at, null);
        apply(ticketId, 1, at, new InboundMessageRecordedEvent(ticketId, number, "c-" + ticketId, first,
                ThreadingRule.NEW_TICKET));
    }

    private void apply(String ticketId, long sequence, Instant at, Object payload) {
        projection.apply(new GenericDomainEventMessage<>("Ticket", ticketId, sequence, payload,
                org.axonframework.messaging.MetaData.emptyInstance(), "e-" + ticketId + "-" + sequence, at));
    }
}
