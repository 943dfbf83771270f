package io.threadline.history.timeline.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Participant;
import io.threadline.history.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimelineEntriesTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Instant RECEIVED = Instant.parse("2025-03-02T09:14:05.880123Z");
    private static final Instant ACCEPTED = Instant.parse("2025-03-02T09:14:06.002999Z");
    private static final Instant OCCURRED = Instant.parse("2025-03-02T09:14:06.030Z");
    private static final Instant RECORDED = Instant.parse("2025-03-02T09:14:06.041777Z");

    @Test
    void mapsAnInboundMessageWithMillisecondTimes() {
        MessageReceived message = message(RECEIVED, List.of(
                new AttachmentMetadata("photo.jpg", "image/jpeg", 48_213, "ab".repeat(32), "s3://bucket/photo.jpg")));

        TimelineEntry entry = TimelineEntries.inboundMessage(event("e-1", "c-1", message), message, RECORDED);

        assertThat(entry.entryId()).isEqualTo("e-1");
        assertThat(entry.type()).isEqualTo(TimelineEntry.Type.MESSAGE);
        assertThat(entry.direction()).isEqualTo(TimelineEntry.Direction.INBOUND);
        assertThat(entry.channel()).isEqualTo("email");
        assertThat(entry.ticketId()).isEqualTo("t-1");
        assertThat(entry.ticketNumber()).isEqualTo("TL-1042");
        assertThat(entry.author()).isEqualTo(new TimelineEntry.Author("alice@example.com", "Alice Martin"));
        assertThat(entry.subject()).isEqualTo("Order #4411");
        assertThat(entry.text()).isEqualTo("It arrived broken.");
        assertThat(entry.attachments()).containsExactly(new TimelineEntry.Attachment("photo.jpg", "image/jpeg", 48_213,
                "ab".repeat(32), "s3://bucket/photo.jpg"));
        assertThat(entry.occurredAt()).isEqualTo("2025-03-02T09:14:05.880Z");
        assertThat(entry.acceptedAt()).isEqualTo("2025-03-02T09:14:06.002Z");
        assertThat(entry.recordedAt()).isEqualTo("2025-03-02T09:14:06.041Z");
    }

    @Test
    void fallsBackToTheEnvelopeForMissingTimeAndTicket() {
        MessageReceived message = new MessageReceived(null, null, "m-1", "sms", "SM1",
                new Participant("+15550100", null), null, "hi", null, null, null, ThreadingRule.NEW_TICKET);

        TimelineEntry entry = TimelineEntries.inboundMessage(event("e-2", "c-1", message), message, RECORDED);

        assertThat(entry.occurredAt()).isEqualTo(OCCURRED);
        assertThat(entry.ticketId()).isEqualTo("t-1");
        assertThat(entry.acceptedAt()).isNull();
        assertThat(entry.attachments()).isEmpty();
    }

    @Test
    void anEventWithoutCustomerCannotBeProjected() {
        MessageReceived message = message(RECEIVED, List.of());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TimelineEntries.inboundMessage(event("e-3", null, message), message, RECORDED))
                .withMessageContaining("e-3");
    }

    private static MessageReceived message(Instant receivedAt, List<AttachmentMetadata> attachments) {
        return new MessageReceived("t-1", "TL-1042", "m-1", "email", "<x@mail>",
                new Participant("alice@example.com", "Alice Martin"), "Order #4411", "It arrived broken.",
                attachments, receivedAt, ACCEPTED, ThreadingRule.NEW_TICKET);
    }

    private static IntegrationEvent event(String eventId, String customerId, MessageReceived message) {
        return IntegrationEvent.wrap(eventId, "t-1", 2, OCCURRED, customerId, message, JSON);
    }
}
