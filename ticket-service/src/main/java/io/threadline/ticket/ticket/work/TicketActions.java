package io.threadline.ticket.ticket.work;

import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.inbound.Channel;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.security.Caller;
import io.threadline.servicekit.problem.ProblemException;
import io.threadline.ticket.ticket.api.AbsorbMergedTicketCommand;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.MergeTicketCommand;
import io.threadline.ticket.ticket.api.RecordSurveyAnswerCommand;
import io.threadline.ticket.ticket.api.SetFieldsCommand;
import io.threadline.ticket.ticket.api.SetTagsCommand;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.query.TicketDetail;
import io.threadline.ticket.ticket.query.TicketHistory;
import io.threadline.ticket.ticket.query.TicketSummary;
import io.threadline.ticket.ticket.api.AssignTicketCommand;
import io.threadline.ticket.ticket.api.ChangePriorityCommand;
import io.threadline.ticket.ticket.api.ChangeTicketStatusCommand;
import io.threadline.ticket.ticket.api.ReplyAddress;
import io.threadline.ticket.ticket.api.SendReplyCommand;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An agent's work on a ticket, as commands to the Ticket aggregate. Each call returns the ticket's version
 * afterwards; {@code expectedVersion} (from If-Match, may be null) is checked by the aggregate itself, under its
 * lock, so two agents cannot both win.
 */
@ApplicationScoped
public class TicketActions {

    /** What an action left: the id it created (reply or note), if any, and the ticket's new version. */
    public record Outcome(String createdId, long version) {
    }

    private final CommandGateway commands;
    private final CustomerDirectory customers;
    private final TicketHistory history;
    private final String emailMessageIdDomain;

    public TicketActions(CommandGateway commands, CustomerDirectory customers, TicketHistory history,
                         TicketServiceConfig config) {
        this.commands = commands;
        this.customers = customers;
        this.history = history;
        this.emailMessageIdDomain = config.threading().emailMessageIdDomain();
    }

    /** A reply; {@code channel}/{@code address} null means the channel of the customer's latest message. */
    public Outcome reply(String ticketId, Caller caller, String text, String channel, String address,
                         Long expectedVersion) {
        ReplyAddress picked = null;
        if (channel != null) {
            String normalized = Channel.normalizeAddress(channel, address);
            picked = new ReplyAddress(channel, normalized,
                    customers.customerOf(Channel.identityKey(channel, normalized)).orElse(null));
        }
        String outboundId = UUID.randomUUID().toString();
        String emailMessageId = "<" + outboundId + "@" + emailMessageIdDomain + ">";
        long version = send(new SendReplyCommand(ticketId, outboundId, caller.name(), text, picked, emailMessageId,
                expectedVersion));
        return new Outcome(outboundId, version);
    }

    public Outcome addNote(String ticketId, Caller caller, String body, Long expectedVersion) {
        String noteId = UUID.randomUUID().toString();
        return new Outcome(noteId, send(new AddInternalNoteCommand(ticketId, noteId, caller.name(), body,
                expectedVersion)));
    }

    public Outcome changeStatus(String ticketId, Caller caller, TicketStatus status, Long expectedVersion) {
        return new Outcome(null, send(new ChangeTicketStatusCommand(ticketId, status, caller.name(), expectedVersion)));
    }

    public Outcome assign(String ticketId, Caller caller, String assignee, String group, Long expectedVersion) {
        return new Outcome(null, send(new AssignTicketCommand(ticketId, assignee, group, caller.name(),
                caller.maySupervise(), expectedVersion)));
    }

    public Outcome changePriority(String ticketId, Caller caller, TicketPriority priority, Long expectedVersion) {
        return new Outcome(null, send(new ChangePriorityCommand(ticketId, priority, caller.name(), expectedVersion)));
    }

    public Outcome setTags(String ticketId, Caller caller, Set<String> tags, Long expectedVersion) {
        return new Outcome(null, send(new SetTagsCommand(ticketId, tags, caller.name(), expectedVersion)));
    }

    public Outcome setFields(String ticketId, Caller caller, Map<String, String> changes, Long expectedVersion) {
        return new Outcome(null, send(new SetFieldsCommand(ticketId, changes, caller.name(), expectedVersion)));
    }

    /**
     * Merges the duplicate {@code ticketId} into {@code targetTicketId}: the duplicate closes with a link, then the
     * target records it. Answers the duplicate's new version.
     */
    public Outcome merge(String ticketId, Caller caller, String targetTicketId, Long expectedVersion) {
        TicketSummary target = history.load(targetTicketId).map(TicketDetail::ticket)
                .orElseThrow(() -> ProblemException.invalidField("targetTicketId", "no ticket " + targetTicketId));
        if (target.status() == TicketStatus.CLOSED) {
            throw ProblemException.invalidField("targetTicketId", "ticket " + target.number() + " is closed");
        }
        TicketSummary source = history.load(ticketId).map(TicketDetail::ticket)
                .orElseThrow(() -> ProblemException.notFound("No ticket " + ticketId));
        long version = send(new MergeTicketCommand(ticketId, new TicketReference(target.id(), target.number()),
                caller.name(), expectedVersion));
        send(new AbsorbMergedTicketCommand(target.id(), new TicketReference(ticketId, source.number()),
                caller.name()));
        return new Outcome(target.id(), version);
    }

    /** A survey answer, as the survey tool reports it. */
    public void recordSurveyAnswer(String ticketId, String surveyId, SurveyKind kind, int score, String comment,
                                   Instant answeredAt) {
        commands.sendAndWait(new RecordSurveyAnswerCommand(ticketId, surveyId, kind, score, comment, answeredAt));
    }

    private long send(Object command) {
        return commands.<Long>sendAndWait(command);
    }
}
