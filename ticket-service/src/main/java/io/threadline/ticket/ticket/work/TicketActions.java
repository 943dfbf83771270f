package io.threadline.ticket.ticket.work;

import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.inbound.Channel;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.security.Caller;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.AssignTicketCommand;
import io.threadline.ticket.ticket.api.ChangePriorityCommand;
import io.threadline.ticket.ticket.api.ChangeTicketStatusCommand;
import io.threadline.ticket.ticket.api.ReplyAddress;
import io.threadline.ticket.ticket.api.SendReplyCommand;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;

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
    private final String emailMessageIdDomain;

    public TicketActions(CommandGateway commands, CustomerDirectory customers, TicketServiceConfig config) {
        this.commands = commands;
        this.customers = customers;
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

    private long send(Object command) {
        return commands.<Long>sendAndWait(command);
    }
}
