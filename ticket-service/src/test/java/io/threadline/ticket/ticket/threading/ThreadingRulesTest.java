package io.threadline.ticket.ticket.threading;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.ticket.inbound.InboundMessageHandler;
import io.threadline.ticket.ticket.api.ChangeTicketStatusCommand;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN's threading rules, in order, through the real handler, event store and thread index: explicit
 * references, the customer's open ticket, the reopen window, a new ticket; and the email cases that break other
 * helpdesks.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class ThreadingRulesTest {

    @Inject
    InboundMessageHandler handler;
    @Inject
    EventStore eventStore;
    @Inject
    CommandGateway commands;

    @Test
    void replyWithAChangedSubjectJoinsByInReplyTo() {
        Customer alice = new Customer();
        String ticket = handler.handle(alice.email("<a1@mail.test>", "Order #4411 arrived damaged", null));

        String joined = handler.handle(alice.email("<a2@mail.test>", "Also: my invoice address is wrong",
                thread("<a2@mail.test>", "<a1@mail.test>", "<a1@mail.test>")));

        assertThat(joined).isEqualTo(ticket);
        assertThat(ruleOf(ticket, "<a2@mail.test>")).isEqualTo(ThreadingRule.EXPLICIT_REFERENCE);
    }

    @Test
    void unknownInReplyToButMatchingReferencesJoins() {
        Customer alice = new Customer();
        String ticket = handler.handle(alice.email("<b1@mail.test>", "Refund", null));

        // Another mail client answered a message Threadline never saw, but kept the thread in References.
        String joined = handler.handle(alice.email("<b3@mail.test>", "Re: Refund",
                thread("<b3@mail.test>", "<b2-unknown@mail.test>", "<b1@mail.test>", "<b2-unknown@mail.test>")));

        assertThat(joined).isEqualTo(ticket);
        assertThat(ruleOf(ticket, "<b3@mail.test>")).isEqualTo(ThreadingRule.EXPLICIT_REFERENCE);
    }

    @Test
    void twoCustomersReplyingToOneNewsletterGetATicketEach() {
        Customer alice = new Customer();
        Customer bob = new Customer();
        String newsletter = "<newsletter-" + UUID.randomUUID() + "@acme.test>";

        String aliceTicket = handler.handle(alice.email("<c1@mail.test>", "Re: November news",
                thread("<c1@mail.test>", newsletter, newsletter)));
        String bobTicket = handler.handle(bob.email("<c2@mail.test>", "Re: November news",
                thread("<c2@mail.test>", newsletter, newsletter)));
        // Even a reference to Alice's own message does not put Bob on her ticket.
        String bobAgain = handler.handle(bob.email("<c3@mail.test>", "Re: November news",
                thread("<c3@mail.test>", "<c1@mail.test>", newsletter, "<c1@mail.test>")));

        assertThat(bobTicket).isNotEqualTo(aliceTicket);
        assertThat(ruleOf(bobTicket, "<c2@mail.test>")).isEqualTo(ThreadingRule.NEW_TICKET);
        assertThat(bobAgain).isEqualTo(bobTicket);
        assertThat(ruleOf(bobTicket, "<c3@mail.test>")).isEqualTo(ThreadingRule.OPEN_TICKET);
    }

    @Test
    void ticketTokenInTheSubjectJoinsOnlyTheCustomersOwnTicket() {
        Customer alice = new Customer();
        Customer mallory = new Customer();
        String ticket = handler.handle(alice.email("<d1@mail.test>", "Broken mug", null));
        String number = numberOf(ticket);
        close(ticket);
        handler.handle(alice.email("<d2@mail.test>", "Another thing", null));

        String joined = handler.handle(alice.email("<d3@mail.test>", "Re: Broken mug [#" + number + "]", null));
        String malloryTicket = handler.handle(mallory.email("<d4@mail.test>", "Re: [#" + number + "]", null));

        // The token chose the closed ticket, so the message opened a follow-up of it rather than joining the other.
        assertThat(followUpOf(joined)).isEqualTo(ticket);
        assertThat(malloryTicket).isNotEqualTo(ticket).isNotEqualTo(joined);
        assertThat(ruleOf(malloryTicket, "<d4@mail.test>")).isEqualTo(ThreadingRule.NEW_TICKET);
    }

    @Test
    void chatSessionAndSocialConversationJoinTheirTicket() {
        Customer visitor = new Customer();
        String session = "session-" + UUID.randomUUID();
        String chatTicket = handler.handle(visitor.message("chat", "ch-1", new ThreadReferences(null, null,
                List.of(), session, null)));
        String chatAgain = handler.handle(visitor.message("chat", "ch-2", new ThreadReferences(null, null,
                List.of(), session, null)));

        Customer follower = new Customer();
        String conversation = "conv-" + UUID.randomUUID();
        String socialTicket = handler.handle(follower.message("messenger", "mid-1", new ThreadReferences(null, null,
                List.of(), null, conversation)));
        String socialAgain = handler.handle(follower.message("messenger", "mid-2", new ThreadReferences(null, null,
                List.of(), null, conversation)));

        assertThat(chatAgain).isEqualTo(chatTicket);
        assertThat(ruleOf(chatTicket, "ch-2")).isEqualTo(ThreadingRule.EXPLICIT_REFERENCE);
        assertThat(socialAgain).isEqualTo(socialTicket);
        assertThat(ruleOf(socialTicket, "mid-2")).isEqualTo(ThreadingRule.EXPLICIT_REFERENCE);
    }

    @Test
    void withoutReferencesAMessageJoinsTheOpenTicketThenReopensWithinTheWindowThenStartsANewTicket() {
        Customer alice = new Customer();
        String ticket = handler.handle(alice.email("<e1@mail.test>", "Help", null));
        String joined = handler.handle(alice.email("<e2@mail.test>", "More details", null));
        assertThat(joined).isEqualTo(ticket);
        assertThat(ruleOf(ticket, "<e2@mail.test>")).isEqualTo(ThreadingRule.OPEN_TICKET);

        solve(ticket);
        String reopened = handler.handle(alice.emailAt("<e3@mail.test>", "Still broken", Instant.now().plus(Duration.ofDays(6))));
        assertThat(reopened).isEqualTo(ticket);
        assertThat(ruleOf(ticket, "<e3@mail.test>")).isEqualTo(ThreadingRule.REOPENED);

        solve(ticket);
        // The configured reopen window is 7 days: a message 8 days after solving starts over.
        String fresh = handler.handle(alice.emailAt("<e4@mail.test>", "New question", Instant.now().plus(Duration.ofDays(8))));
        assertThat(fresh).isNotEqualTo(ticket);
        assertThat(ruleOf(fresh, "<e4@mail.test>")).isEqualTo(ThreadingRule.NEW_TICKET);
        assertThat(followUpOf(fresh)).isNull();
    }

    @Test
    void messageToAClosedTicketOpensALinkedFollowUpAndRedeliveriesStillChangeNothing() {
        Customer alice = new Customer();
        InboundMessage first = alice.email("<f1@mail.test>", "Warranty", null);
        String ticket = handler.handle(first);
        close(ticket);

        InboundMessage late = alice.email("<f2@mail.test>", "Re: Warranty", thread("<f2@mail.test>", "<f1@mail.test>",
                "<f1@mail.test>"));
        String followUp = handler.handle(late);
        long closedEvents = eventsOf(ticket).size();
        long followUpEvents = eventsOf(followUp).size();

        assertThat(followUp).isNotEqualTo(ticket);
        assertThat(followUpOf(followUp)).isEqualTo(ticket);
        assertThat(handler.handle(first)).isEqualTo(ticket);
        assertThat(handler.handle(late)).isEqualTo(followUp);
        assertThat(eventsOf(ticket)).hasSize((int) closedEvents);
        assertThat(eventsOf(followUp)).hasSize((int) followUpEvents);
    }

    private ThreadingRule ruleOf(String ticketId, String providerMessageId) {
        return eventsOf(ticketId).stream()
                .map(DomainEventMessage::getPayload)
                .filter(InboundMessageRecordedEvent.class::isInstance)
                .map(InboundMessageRecordedEvent.class::cast)
                .filter(e -> e.message().providerMessageId().startsWith(providerMessageId))
                .map(InboundMessageRecordedEvent::threadingRule)
                .findFirst().orElseThrow(() -> new AssertionError(providerMessageId + " is not on " + ticketId));
    }

    private String numberOf(String ticketId) {
        return opened(ticketId).ticketNumber();
    }

    private String followUpOf(String ticketId) {
        return opened(ticketId).followUpOfTicketId();
    }

    private TicketOpenedEvent opened(String ticketId) {
        return (TicketOpenedEvent) eventsOf(ticketId).get(0).getPayload();
    }

    private List<? extends DomainEventMessage<?>> eventsOf(String ticketId) {
        return eventStore.readEvents(ticketId).asStream().toList();
    }

    private void close(String ticketId) {
        commands.sendAndWait(new ChangeTicketStatusCommand(ticketId, TicketStatus.CLOSED, "bob", null));
    }

    private void solve(String ticketId) {
        commands.sendAndWait(new ChangeTicketStatusCommand(ticketId, TicketStatus.SOLVED, "bob", null));
    }

    private static ThreadReferences thread(String messageId, String inReplyTo, String... references) {
        return new ThreadReferences(messageId, inReplyTo, List.of(references), null, null);
    }

    /** A sender of its own, so tests never see each other's tickets. */
    private static final class Customer {
        private final String address = "customer-" + UUID.randomUUID() + "@example.com";

        InboundMessage email(String messageId, String subject, ThreadReferences thread) {
            return emailOn(messageId, subject, thread, Instant.now());
        }

        InboundMessage emailAt(String messageId, String subject, Instant at) {
            return emailOn(messageId, subject, null, at);
        }

        private InboundMessage emailOn(String messageId, String subject, ThreadReferences thread, Instant at) {
            // Message-IDs are global: make each test's unique while keeping them readable in the test.
            return new InboundMessage(messageId, "email", "support@acme.test", new Participant(address, "Customer"),
                    List.of(), thread == null ? ThreadReferences.none() : thread, subject, "Hello", null, List.of(), at,
                    at, Map.of());
        }

        InboundMessage message(String channel, String providerMessageId, ThreadReferences thread) {
            Instant now = Instant.now();
            return new InboundMessage(providerMessageId + "-" + address, channel, "acme", new Participant(address,
                    "Visitor"), List.of(), thread, null, "Hi", null, List.of(), now, now, Map.of());
        }
    }
}
