package io.threadline.history.timeline.projection;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.history.CustomerScript;
import io.threadline.history.TicketScript;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.TimelineEntry.AuthorKind;
import io.threadline.history.timeline.TimelineEntry.Direction;
import io.threadline.history.timeline.TimelineEntry.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimelineEntriesTest {

    private static final Instant T0 = Instant.parse("2025-03-02T09:00:00.000Z");
    private final TicketScript ticket = new TicketScript("c-1", "t-1", "TL-1042", "email", T0);

    @Test
    void anInboundMessageKeepsItsChannelAuthorTextAttachmentsAndTimes() {
        IntegrationEvent event = ticket.message("alice@example.com", "Alice Martin", "It arrived broken.");
        TimelineEntry entry = entry(event);

        assertThat(entry.entryId()).isEqualTo(event.eventId());
        assertThat(entry.customerId()).isEqualTo("c-1");
        assertThat(entry.type()).isEqualTo(Type.MESSAGE);
        assertThat(entry.direction()).isEqualTo(Direction.INBOUND);
        assertThat(entry.channel()).isEqualTo("email");
        assertThat(entry.ticketId()).isEqualTo("t-1");
        assertThat(entry.ticketNumber()).isEqualTo("TL-1042");
        assertThat(entry.author()).isEqualTo(new TimelineEntry.Author(AuthorKind.CUSTOMER, "alice@example.com",
                "Alice Martin"));
        assertThat(entry.text()).isEqualTo("It arrived broken.");
        assertThat(entry.attachments()).containsExactly(new TimelineEntry.Attachment("photo.jpg", "image/jpeg", 48_213,
                "ab".repeat(32), "s3://b/photo.jpg"));
        assertThat(entry.occurredAt()).isEqualTo("2025-03-02T09:01:00Z");
        assertThat(entry.acceptedAt()).isEqualTo("2025-03-02T09:01:00.120Z");
        assertThat(entry.customerVisible()).isTrue();
    }

    @Test
    void aReplyIsAnOutboundMessageByItsAgent() {
        TimelineEntry entry = entry(ticket.reply("o-1", "We are sending a new mug."));
        assertThat(entry.type()).isEqualTo(Type.MESSAGE);
        assertThat(entry.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(entry.messageId()).isEqualTo("o-1");
        assertThat(entry.author()).isEqualTo(new TimelineEntry.Author(AuthorKind.AGENT, null, "dev-agent"));
        assertThat(entry.text()).isEqualTo("We are sending a new mug.");
        assertThat(entry.customerVisible()).isTrue();
    }

    @Test
    void anInternalNoteIsForAgentsOnly() {
        TimelineEntry entry = entry(ticket.note("Customer is a reseller"));
        assertThat(entry.type()).isEqualTo(Type.NOTE);
        assertThat(entry.direction()).isEqualTo(Direction.INTERNAL);
        assertThat(entry.text()).isEqualTo("Customer is a reseller");
        assertThat(entry.customerVisible()).isFalse();
    }

    @Test
    void ticketActivityBecomesEntriesOfItsOwnType() {
        assertThat(entry(ticket.opened("Broken mug"))).satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.TICKET_OPENED);
            assertThat(e.subject()).isEqualTo("Broken mug");
            assertThat(e.author().kind()).isEqualTo(AuthorKind.SYSTEM);
        });
        assertThat(entry(ticket.status(TicketStatus.NEW, TicketStatus.PENDING)).change())
                .isEqualTo(new TimelineEntry.Change("NEW", "PENDING"));
        assertThat(entry(ticket.assigned("ann")).assignment())
                .isEqualTo(new TimelineEntry.Assignment("ann", "billing", null, null));
        assertThat(entry(ticket.priority(TicketPriority.NORMAL, TicketPriority.URGENT)).change())
                .isEqualTo(new TimelineEntry.Change("NORMAL", "URGENT"));
        assertThat(entry(ticket.tags(List.of("vip"))).tags())
                .isEqualTo(new TimelineEntry.TagChange(List.of("vip"), List.of("vip"), List.of()));
        assertThat(entry(ticket.fields(Map.of("order", "4411"))).fields()).containsEntry("order", "4411");
        TicketScript target = new TicketScript("c-1", "t-2", "TL-1043", "email", T0);
        assertThat(entry(ticket.mergedInto(target))).satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.TICKETS_MERGED);
            assertThat(e.relatedTicket()).isEqualTo(new TimelineEntry.RelatedTicket("t-2", "TL-1043"));
        });
        assertThat(entry(ticket.survey(5, "Great"))).satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.SURVEY_ANSWERED);
            assertThat(e.survey()).isEqualTo(new TimelineEntry.Survey("s-t-1", "CSAT", 5, "Great"));
        });
        assertThat(List.of(Type.values())).allSatisfy(t -> assertThat(t == Type.MESSAGE)
                .isEqualTo(new TimelineEntry("e", "c", t, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, T0, null, null).customerVisible()));
    }

    @Test
    void deliveriesAndCustomerEventsMakeNoEntry() {
        IntegrationEvent delivery = ticket.delivery("o-1", DeliveryStatus.DELIVERED, null);
        IntegrationEvent registered = new CustomerScript("c-1", T0).registered("email", "a@example.com", "A");
        assertThat(TimelineEntries.of(delivery, payload(delivery))).isEmpty();
        assertThat(TimelineEntries.of(registered, payload(registered))).isEmpty();
    }

    @Test
    void anEventWithoutCustomerCannotBeProjected() {
        IntegrationEvent event = ticket.message("a@example.com", "A", "hi");
        IntegrationEvent orphan = new IntegrationEvent(event.eventId(), event.type(), event.schemaVersion(),
                event.aggregateType(), event.aggregateId(), 1, event.occurredAt(), null, event.payload());
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineEntries.of(orphan, payload(orphan)))
                .withMessageContaining(event.eventId());
    }

    @Test
    void erasureKeepsKindsTimesAndCountsOnly() {
        TimelineEntry scrubbed = Erasure.scrub(entry(ticket.message("alice@example.com", "Alice", "my address is …")));
        assertThat(scrubbed.author()).isEqualTo(new TimelineEntry.Author(AuthorKind.CUSTOMER, null, null));
        assertThat(scrubbed.subject()).isNull();
        assertThat(scrubbed.text()).isNull();
        assertThat(scrubbed.attachments()).isEmpty();
        assertThat(scrubbed.channel()).isEqualTo("email");
        assertThat(scrubbed.occurredAt()).isNotNull();
        assertThat(Erasure.scrub(scrubbed)).isEqualTo(scrubbed);
        assertThat(Erasure.scrub(entry(ticket.survey(2, "Alice here, call me"))).survey().comment()).isNull();
        assertThat(Erasure.scrub(entry(ticket.fields(Map.of("phone", "+1555")))).fields()).isEmpty();
    }

    private static TimelineEntry entry(IntegrationEvent event) {
        Optional<TimelineEntry> entry = TimelineEntries.of(event, payload(event));
        return entry.orElseThrow();
    }

    private static Object payload(IntegrationEvent event) {
        return event.payloadAs(CustomerScript.JSON).orElseThrow();
    }
}
