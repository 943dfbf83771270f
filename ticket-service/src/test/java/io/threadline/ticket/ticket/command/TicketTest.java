package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.ticket.ticket.api.AbsorbMergedTicketCommand;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.MergeTicketCommand;
import io.threadline.ticket.ticket.api.RecordDeliveryCommand;
import io.threadline.ticket.ticket.api.RecordSurveyAnswerCommand;
import io.threadline.ticket.ticket.api.ReplyDeliveryUpdatedEvent;
import io.threadline.ticket.ticket.api.SetFieldsCommand;
import io.threadline.ticket.ticket.api.SetTagsCommand;
import io.threadline.ticket.ticket.api.SurveyAnsweredEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketMergedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import io.threadline.ticket.ticket.api.AssignTicketCommand;
import io.threadline.ticket.ticket.api.ChangePriorityCommand;
import io.threadline.ticket.ticket.api.ChangeTicketStatusCommand;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.ticket.api.ReplyAddress;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.SendReplyCommand;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.threadline.contracts.events.TicketStatus.CLOSED;
import static io.threadline.contracts.events.TicketStatus.NEW;
import static io.threadline.contracts.events.TicketStatus.OPEN;
import static io.threadline.contracts.events.TicketStatus.PENDING;
import static io.threadline.contracts.events.TicketStatus.SOLVED;

class TicketTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final String EMAIL_ID = "<o-1@threadline.local>";
    private AggregateTestFixture<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
    }

    // Customer messages

    @Test
    void firstMessageOpensTheTicketAndIsRecordedAsANewTicket() {
        MessageDetails first = message("m-1");
        fixture.givenNoPriorActivity()
                .when(new OpenTicketCommand("t-1", "TL-1001", "c-1", first, null))
                .expectEvents(
                        new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order #4411", T, null, null),
                        new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", first, ThreadingRule.NEW_TICKET));
    }

    @Test
    void laterMessageJoinsWithTheRuleThatChoseTheTicket() {
        fixture.given(opened())
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectEvents(recorded(message("m-2")));
    }

    @Test
    void redeliveredMessageRecordsNothing() {
        fixture.given(opened())
                .when(new RecordInboundMessageCommand("t-1", message("m-1"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"PENDING", "SOLVED"})
    void messageReopensAPendingOrSolvedTicket(TicketStatus waiting) {
        // A solved ticket taking the message as the customer's latest ticket records that it was reopened.
        ThreadingRule rule = waiting == SOLVED ? ThreadingRule.REOPENED : ThreadingRule.OPEN_TICKET;
        fixture.given(openedThen(statusChanged(NEW, waiting)))
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectEvents(new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", message("m-2"), rule),
                        new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", waiting, OPEN, null));
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"OPEN", "ON_HOLD"})
    void messageLeavesAnOpenOrOnHoldTicketAsItIs(TicketStatus status) {
        fixture.given(openedThen(statusChanged(NEW, status)))
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectEvents(recorded(message("m-2")));
    }

    @Test
    void messageOnANewTicketLeavesItNew() {
        fixture.given(opened())
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectEvents(recorded(message("m-2")));
    }

    @Test
    void closedTicketTakesNoNewMessage() {
        fixture.given(openedThen(statusChanged(NEW, CLOSED)))
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectException(TicketClosedException.class)
                .expectNoEvents();
    }

    @Test
    void closedTicketStillIgnoresARedeliveryOfAMessageItHas() {
        fixture.given(openedThen(statusChanged(NEW, CLOSED)))
                .when(new RecordInboundMessageCommand("t-1", message("m-1"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Status

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"OPEN", "PENDING", "ON_HOLD", "SOLVED", "CLOSED"})
    void agentSetsAnyStatusButNew(TicketStatus target) {
        fixture.given(opened())
                .when(new ChangeTicketStatusCommand("t-1", target, "bob", null))
                .expectEvents(new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", NEW, target, "bob"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void agentCannotSetNew() {
        fixture.given(openedThen(statusChanged(NEW, OPEN)))
                .when(new ChangeTicketStatusCommand("t-1", NEW, "bob", null))
                .expectException(StatusNotSettableException.class);
    }

    @Test
    void settingTheCurrentStatusRecordsNothing() {
        fixture.given(openedThen(statusChanged(NEW, PENDING)))
                .when(new ChangeTicketStatusCommand("t-1", PENDING, "bob", null))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void closedIsFinal() {
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new ChangeTicketStatusCommand("t-1", OPEN, "bob", null))
                .expectException(TicketClosedException.class);
    }

    @Test
    void matchingExpectedVersionIsAccepted() {
        fixture.given(openedThen(statusChanged(NEW, OPEN)))
                .when(new ChangeTicketStatusCommand("t-1", SOLVED, "bob", 2L))
                .expectEvents(new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", OPEN, SOLVED, "bob"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void staleExpectedVersionIsRefusedForAStatusChange() {
        fixture.given(openedThen(statusChanged(NEW, OPEN)))
                .when(new ChangeTicketStatusCommand("t-1", SOLVED, "bob", 1L))
                .expectException(TicketVersionConflictException.class)
                .expectNoEvents();
    }

    // Assignment

    @Test
    void agentTakesAnUnassignedTicket() {
        fixture.given(opened())
                .when(new AssignTicketCommand("t-1", "bob", "billing", "bob", false, null))
                .expectEvents(new TicketAssignedEvent("t-1", "TL-1001", "c-1", "bob", "billing", null, null, "bob"));
    }

    @Test
    void agentHandsOnHisOwnTicket() {
        fixture.given(openedThen(assigned("bob", "billing")))
                .when(new AssignTicketCommand("t-1", "dave", "billing", "bob", false, null))
                .expectEvents(new TicketAssignedEvent("t-1", "TL-1001", "c-1", "dave", "billing", "bob", "billing",
                        "bob"));
    }

    @Test
    void agentCannotTakeATicketAssignedToSomeoneElse() {
        fixture.given(openedThen(assigned("dave", "billing")))
                .when(new AssignTicketCommand("t-1", "bob", "billing", "bob", false, null))
                .expectException(ReassignmentNotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void supervisorReassignsATicketAssignedToSomeoneElse() {
        fixture.given(openedThen(assigned("dave", "billing")))
                .when(new AssignTicketCommand("t-1", "bob", "returns", "carol", true, null))
                .expectEvents(new TicketAssignedEvent("t-1", "TL-1001", "c-1", "bob", "returns", "dave", "billing",
                        "carol"));
    }

    @Test
    void unassigningKeepsTheGroup() {
        fixture.given(openedThen(assigned("bob", "billing")))
                .when(new AssignTicketCommand("t-1", null, "billing", "bob", false, null))
                .expectEvents(new TicketAssignedEvent("t-1", "TL-1001", "c-1", null, "billing", "bob", "billing",
                        "bob"));
    }

    @Test
    void sameAssignmentRecordsNothing() {
        fixture.given(openedThen(assigned("bob", "billing")))
                .when(new AssignTicketCommand("t-1", "bob", "billing", "bob", false, null))
                .expectNoEvents();
    }

    @Test
    void closedTicketCannotBeAssigned() {
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new AssignTicketCommand("t-1", "bob", null, "carol", true, null))
                .expectException(TicketClosedException.class);
    }

    // Priority

    @Test
    void newTicketIsNormalAndCanBeRaised() {
        fixture.given(opened())
                .when(new ChangePriorityCommand("t-1", TicketPriority.URGENT, "bob", null))
                .expectEvents(new TicketPriorityChangedEvent("t-1", "TL-1001", "c-1", TicketPriority.NORMAL,
                        TicketPriority.URGENT, "bob"));
    }

    @Test
    void samePriorityRecordsNothing() {
        fixture.given(opened())
                .when(new ChangePriorityCommand("t-1", TicketPriority.NORMAL, "bob", null))
                .expectNoEvents();
    }

    @Test
    void closedTicketKeepsItsPriority() {
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new ChangePriorityCommand("t-1", TicketPriority.HIGH, "bob", null))
                .expectException(TicketClosedException.class);
    }

    @Test
    void staleExpectedVersionIsRefusedForAPriorityChange() {
        fixture.given(opened())
                .when(new ChangePriorityCommand("t-1", TicketPriority.HIGH, "bob", 0L))
                .expectException(TicketVersionConflictException.class);
    }

    // Notes and replies

    @Test
    void noteIsRecordedWithItsAuthor() {
        fixture.given(opened())
                .when(new AddInternalNoteCommand("t-1", "n-1", "bob", "Refund approved", 1L))
                .expectEvents(new InternalNoteAddedEvent("t-1", "TL-1001", "c-1", "n-1", "bob", "Refund approved"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void closedTicketTakesNoNote() {
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new AddInternalNoteCommand("t-1", "n-1", "bob", "Too late", null))
                .expectException(TicketClosedException.class);
    }

    @Test
    void replyGoesToTheChannelAndAddressOfTheLatestCustomerMessage() {
        MessageDetails chat = new MessageDetails("m-2", "chat", "prov-m-2", "session-77", "Alice", null, "Hi?",
                List.of(), T, T, new ThreadReferences(null, null, List.of(), "chat-session-9", null));
        fixture.given(openedThen(recorded(chat)))
                .when(new SendReplyCommand("t-1", "o-1", "bob", "On it", null, EMAIL_ID, null))
                .expectEvents(new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "chat", "session-77",
                        "Re: Order #4411 [#TL-1001]", "On it",
                        new ThreadReferences(null, null, List.of(), "chat-session-9", null)));
    }

    @Test
    void emailReplyAnswersTheLatestMessageAndReferencesTheWholeThread() {
        MessageDetails second = new MessageDetails("m-2", "email", "<m2@mail.example.com>", "alice@example.com",
                "Alice", "Re: Order #4411", "Any news?", List.of(), T, T,
                new ThreadReferences("<m2@mail.example.com>", "<o-0@threadline.local>",
                        List.of("<prov-m-1>", "<o-0@threadline.local>"), null, null));
        fixture.given(openedThen(recorded(second)))
                .when(new SendReplyCommand("t-1", "o-1", "bob", "Shipped today", null, EMAIL_ID, null))
                .expectEvents(new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "email",
                        "alice@example.com", "Re: Order #4411 [#TL-1001]", "Shipped today",
                        new ThreadReferences(EMAIL_ID, "<m2@mail.example.com>",
                                List.of("prov-m-1", "<m2@mail.example.com>"), null, null)));
    }

    // Reopen window and follow-ups

    @Test
    void latestTicketSolvedWithinTheWindowIsReopenedByTheMessage() {
        fixture.given(openedThen(statusChanged(OPEN, SOLVED)))
                .when(new RecordInboundMessageCommand("t-1", messageAt("m-2", fixture.currentTime().plus(Duration.ofDays(6))),
                        ThreadingRule.OPEN_TICKET, WINDOW))
                .expectEvents(new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1",
                                messageAt("m-2", fixture.currentTime().plus(Duration.ofDays(6))), ThreadingRule.REOPENED),
                        new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", SOLVED, OPEN, null));
    }

    @Test
    void latestTicketSolvedLongerAgoThanTheWindowRefusesTheMessage() {
        fixture.given(openedThen(statusChanged(OPEN, SOLVED)))
                .when(new RecordInboundMessageCommand("t-1", messageAt("m-2", fixture.currentTime().plus(Duration.ofDays(8))),
                        ThreadingRule.OPEN_TICKET, WINDOW))
                .expectException(TicketNotReopenableException.class)
                .expectNoEvents();
    }

    @Test
    void explicitReferenceReopensASolvedTicketWhateverItsAge() {
        MessageDetails late = messageAt("m-2", fixture.currentTime().plus(Duration.ofDays(30)));
        fixture.given(openedThen(statusChanged(OPEN, SOLVED)))
                .when(new RecordInboundMessageCommand("t-1", late, ThreadingRule.EXPLICIT_REFERENCE, WINDOW))
                .expectEvents(new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", late,
                                ThreadingRule.EXPLICIT_REFERENCE),
                        new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", SOLVED, OPEN, null));
    }

    @Test
    void followUpOfAClosedTicketNamesIt() {
        MessageDetails first = message("m-9");
        fixture.givenNoPriorActivity()
                .when(new OpenTicketCommand("t-2", "TL-1002", "c-1", first, new TicketReference("t-1", "TL-1001")))
                .expectEvents(
                        new TicketOpenedEvent("t-2", "TL-1002", "c-1", "email", "Order #4411", T, "t-1", "TL-1001"),
                        new InboundMessageRecordedEvent("t-2", "TL-1002", "c-1", first, ThreadingRule.NEW_TICKET));
    }

    @Test
    void replyGoesToAnotherIdentityOfTheCustomerWhenTheAgentPicksOne() {
        fixture.given(opened())
                .when(new SendReplyCommand("t-1", "o-1", "bob", "Texting you",
                        new ReplyAddress("sms", "+15550100", "c-1"), EMAIL_ID, null))
                .expectEvents(new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "sms", "+15550100",
                        "Re: Order #4411 [#TL-1001]", "Texting you", null));
    }

    @Test
    void replyToAnIdentityOfAnotherCustomerIsRefused() {
        fixture.given(opened())
                .when(new SendReplyCommand("t-1", "o-1", "bob", "Hi",
                        new ReplyAddress("email", "mallory@example.com", "c-2"), EMAIL_ID, null))
                .expectException(ForeignReplyAddressException.class)
                .expectNoEvents();
    }

    @Test
    void replyToAnUnknownIdentityIsRefused() {
        fixture.given(opened())
                .when(new SendReplyCommand("t-1", "o-1", "bob", "Hi",
                        new ReplyAddress("email", "nobody@example.com", null), EMAIL_ID, null))
                .expectException(ForeignReplyAddressException.class);
    }

    @Test
    void closedTicketSendsNoReply() {
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new SendReplyCommand("t-1", "o-1", "bob", "Hi", null, EMAIL_ID, null))
                .expectException(TicketClosedException.class);
    }

    // Tags, fields, merge, delivery, surveys

    @Test
    void tagsAreSetAsAWholeSetAndTheSameSetChangesNothing() {
        fixture.given(openedThen(new TicketTagsChangedEvent("t-1", "TL-1001", "c-1", List.of("billing"),
                        List.of("billing"), List.of(), "bob")))
                .when(new SetTagsCommand("t-1", Set.of("vip", "refund"), "bob", null))
                .expectEvents(new TicketTagsChangedEvent("t-1", "TL-1001", "c-1", List.of("refund", "vip"),
                        List.of("refund", "vip"), List.of("billing"), "bob"));
        fixture.given(openedThen(new TicketTagsChangedEvent("t-1", "TL-1001", "c-1", List.of("vip"), List.of("vip"),
                        List.of(), "bob")))
                .when(new SetTagsCommand("t-1", Set.of("vip"), "bob", null))
                .expectNoEvents();
    }

    @Test
    void fieldsMergeAndANullRemovesOne() {
        Map<String, String> changes = new HashMap<>();
        changes.put("orderId", null);
        changes.put("plan", "pro");
        fixture.given(openedThen(new TicketFieldsChangedEvent("t-1", "TL-1001", "c-1",
                        Map.of("orderId", "4411", "region", "eu"), "bob")))
                .when(new SetFieldsCommand("t-1", changes, "bob", null))
                .expectEvents(new TicketFieldsChangedEvent("t-1", "TL-1001", "c-1",
                        new TreeMap<>(Map.of("plan", "pro", "region", "eu")), "bob"));
    }

    @Test
    void mergedDuplicateClosesLinkedToTheTargetAndRedirectsLaterMessages() {
        TicketReference target = new TicketReference("t-9", "TL-1009");
        fixture.given(opened())
                .when(new MergeTicketCommand("t-1", target, "carol", null))
                .expectEvents(new TicketMergedEvent("t-1", "TL-1001", "c-1", new TicketReference("t-1", "TL-1001"),
                                target, "carol"),
                        new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", NEW, CLOSED, "carol"));
        fixture.given(openedThen(new TicketMergedEvent("t-1", "TL-1001", "c-1", new TicketReference("t-1", "TL-1001"),
                        target, "carol"), statusChanged(NEW, CLOSED)))
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET, WINDOW))
                .expectException(TicketMergedIntoException.class);
    }

    @Test
    void ticketCannotBeMergedIntoItselfNorIntoAClosedTicket() {
        fixture.given(opened())
                .when(new MergeTicketCommand("t-1", new TicketReference("t-1", "TL-1001"), "carol", null))
                .expectException(InvalidMergeException.class);
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new AbsorbMergedTicketCommand("t-1", new TicketReference("t-2", "TL-1002"), "carol"))
                .expectException(InvalidMergeException.class);
    }

    @Test
    void deliveryReceiptsRecordTheOutcomeOnceAndIgnoreLateOrForeignOnes() {
        ReplyRequestedEvent reply = new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "email",
                "alice@example.com", "Re: Order #4411 [#TL-1001]", "On it", null);
        ReplyDeliveryUpdatedEvent failed = new ReplyDeliveryUpdatedEvent("t-1", "TL-1001", "c-1", "o-1",
                DeliveryStatus.FAILED, "smtp-1", "550 mailbox unavailable");
        fixture.given(openedThen(reply))
                .when(new RecordDeliveryCommand("t-1", "o-1", DeliveryStatus.FAILED, "smtp-1", "550 mailbox unavailable"))
                .expectEvents(failed);
        fixture.given(openedThen(reply, failed))
                .when(new RecordDeliveryCommand("t-1", "o-1", DeliveryStatus.SENT, "smtp-1", null))
                .expectNoEvents();
        fixture.given(openedThen(reply))
                .when(new RecordDeliveryCommand("t-1", "o-unknown", DeliveryStatus.SENT, "x", null))
                .expectNoEvents();
    }

    @Test
    void surveyAnswerIsRecordedAlsoOnAClosedTicketAndItsScoreIsChecked() {
        Instant answered = T.plusSeconds(3600);
        fixture.given(openedThen(statusChanged(SOLVED, CLOSED)))
                .when(new RecordSurveyAnswerCommand("t-1", "s-1", SurveyKind.NPS, 9, null, answered))
                .expectEvents(new SurveyAnsweredEvent("t-1", "TL-1001", "c-1", "s-1", SurveyKind.NPS, 9, null, answered));
        fixture.given(opened())
                .when(new RecordSurveyAnswerCommand("t-1", "s-1", SurveyKind.CSAT, 0, null, answered))
                .expectException(InvalidSurveyScoreException.class);
    }

    private static List<Object> opened() {
        return List.of(new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order #4411", T, null, null),
                new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", message("m-1"), ThreadingRule.NEW_TICKET));
    }

    private static List<Object> openedThen(Object... later) {
        List<Object> events = new ArrayList<>(opened());
        events.addAll(List.of(later));
        return events;
    }

    private static TicketStatusChangedEvent statusChanged(TicketStatus from, TicketStatus to) {
        return new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", from, to, "bob");
    }

    private static TicketAssignedEvent assigned(String assignee, String group) {
        return new TicketAssignedEvent("t-1", "TL-1001", "c-1", assignee, group, null, null, "carol");
    }

    private static InboundMessageRecordedEvent recorded(MessageDetails message) {
        return new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", message, ThreadingRule.OPEN_TICKET);
    }

    private static MessageDetails messageAt(String id, Instant at) {
        return new MessageDetails(id, "email", "prov-" + id, "alice@example.com", "Alice", "Order #4411", "Hello",
                List.of(), at, at, null);
    }

    private static MessageDetails message(String id) {
        return new MessageDetails(id, "email", "prov-" + id, "alice@example.com", "Alice", "Order #4411", "Hello",
                List.of(), T, T, null);
    }
}
