package io.threadline.history;

import io.threadline.contracts.events.InternalNoteAdded;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyDeliveryUpdated;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketFieldsChanged;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketTagsChanged;
import io.threadline.contracts.events.TicketsMerged;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.outbound.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events of one Ticket aggregate, as ticket-service would publish them: numbered, a minute apart. */
public final class TicketScript {

    private final String customerId;
    private final String ticketId;
    private final String number;
    private final String channel;
    private long seq;
    private Instant at;

    public TicketScript(String customerId, String ticketId, String number, String channel, Instant start) {
        this.customerId = customerId;
        this.ticketId = ticketId;
        this.number = number;
        this.channel = channel;
        this.at = start;
    }

    public String id() {
        return ticketId;
    }

    public String number() {
        return number;
    }

    public IntegrationEvent opened(String subject) {
        return next(new TicketOpened(ticketId, number, customerId, channel, subject, null, null));
    }

    public IntegrationEvent message(String address, String name, String text) {
        Instant received = at.plusSeconds(60);
        return next(new MessageReceived(ticketId, number, "m-" + UUID.randomUUID(), channel,
                "<" + UUID.randomUUID() + "@mail>", new Participant(address, name), "Order #4411", text,
                List.of(new AttachmentMetadata("photo.jpg", "image/jpeg", 48_213, "ab".repeat(32), "s3://b/photo.jpg")),
                received, received.plusMillis(120), ThreadingRule.NEW_TICKET));
    }

    public IntegrationEvent reply(String outboundId, String text) {
        return next(new ReplyRequested(ticketId, number, outboundId, "dev-agent", channel, "alice@example.com",
                "Re: Order #4411", text));
    }

    public IntegrationEvent delivery(String outboundId, DeliveryStatus status, String error) {
        return next(new ReplyDeliveryUpdated(ticketId, number, outboundId, status, "prov-" + outboundId, error));
    }

    public IntegrationEvent note(String body) {
        return next(new InternalNoteAdded(ticketId, number, "n-" + UUID.randomUUID(), "dev-agent", body));
    }

    public IntegrationEvent status(TicketStatus from, TicketStatus to) {
        return next(new TicketStatusChanged(ticketId, number, from, to, "dev-agent"));
    }

    public IntegrationEvent assigned(String assignee) {
        return next(new TicketAssigned(ticketId, number, assignee, "billing", null, null, "dev-supervisor"));
    }

    public IntegrationEvent priority(TicketPriority from, TicketPriority to) {
        return next(new TicketPriorityChanged(ticketId, number, from, to, "dev-agent"));
    }

    public IntegrationEvent tags(List<String> tags) {
        return next(new TicketTagsChanged(ticketId, number, tags, tags, List.of(), "dev-agent"));
    }

    public IntegrationEvent fields(Map<String, String> fields) {
        return next(new TicketFieldsChanged(ticketId, number, fields, "dev-agent"));
    }

    public IntegrationEvent mergedInto(TicketScript target) {
        return next(new TicketsMerged(ticketId, number, ticketId, number, target.ticketId, target.number,
                "dev-supervisor"));
    }

    public IntegrationEvent survey(int score, String comment) {
        return next(new SurveyAnswered(ticketId, number, "s-" + ticketId, SurveyKind.CSAT, score, comment,
                at.plusSeconds(60)));
    }

    private IntegrationEvent next(Object payload) {
        seq++;
        at = at.plusSeconds(60);
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, seq, at, customerId, payload,
                CustomerScript.JSON);
    }
}
