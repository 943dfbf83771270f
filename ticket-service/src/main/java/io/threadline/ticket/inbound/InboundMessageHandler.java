package io.threadline.ticket.inbound;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.command.TicketClosedException;
import io.threadline.ticket.ticket.command.TicketMergedIntoException;
import io.threadline.ticket.ticket.command.TicketNotReopenableException;
import io.threadline.ticket.ticket.numbering.TicketNumbers;
import io.threadline.ticket.ticket.threading.TicketThreading;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one inbound message into commands: find or register the customer, pick the ticket by the threading rules,
 * record the message (or open a ticket: a follow-up when the chosen ticket is CLOSED, a fresh one when it was
 * solved longer ago than the reopen window or nothing matched). Safe to run again for the same message: ids derive
 * from the message, so a redelivery changes nothing.
 */
@ApplicationScoped
public class InboundMessageHandler {

    private static final Logger LOG = Logger.getLogger(InboundMessageHandler.class);
    /** Merges chain (A into B, B into C); a message follows at most this many of them. */
    private static final int MAX_MERGE_HOPS = 5;

    private final CommandGateway commands;
    private final CustomerDirectory customers;
    private final TicketThreading threading;
    private final TicketNumbers ticketNumbers;
    private final TicketServiceConfig.Threading threadingConfig;

    public InboundMessageHandler(CommandGateway commands, CustomerDirectory customers, TicketThreading threading,
                                 TicketNumbers ticketNumbers, TicketServiceConfig config) {
        this.commands = commands;
        this.customers = customers;
        this.threading = threading;
        this.ticketNumbers = ticketNumbers;
        this.threadingConfig = config.threading();
    }

    /** Records the message and answers the ticket it joined. */
    public String handle(InboundMessage message) {
        String customerId = customerOf(message);
        MessageDetails details = details(message);
        Optional<String> recordedIn = threading.ticketOf(details);
        if (recordedIn.isPresent() && recordAgain(recordedIn.get(), details)) {
            return recordedIn.get();
        }
        TicketThreading.Candidate candidate = threading.choose(details, customerId).orElse(null);
        TicketReference followUpOf = null;
        for (int hops = 0; candidate != null && hops < MAX_MERGE_HOPS; hops++) {
            String ticketId = candidate.ticketId();
            try {
                commands.sendAndWait(new RecordInboundMessageCommand(ticketId, details, candidate.rule(),
                        threadingConfig.reopenWindow()));
                threading.remember(details, ticketId, customerId);
                return ticketId;
            } catch (TicketMergedIntoException merged) {
                // The chosen ticket lives on in the ticket it was merged into.
                candidate = new TicketThreading.Candidate(merged.target().ticketId(), ThreadingRule.EXPLICIT_REFERENCE);
            } catch (TicketClosedException closed) {
                followUpOf = new TicketReference(ticketId, closed.ticketNumber());
                LOG.debugf("Ticket %s is closed: a follow-up opens for customer %s", closed.ticketNumber(), customerId);
                candidate = null;
            } catch (TicketNotReopenableException solvedLongAgo) {
                LOG.debugf("%s", solvedLongAgo.getMessage());
                candidate = null;
            }
        }
        String ticketId = derivedId("ticket", message);
        String ticketNumber = ticketNumbers.next();
        // Remembered first: a redelivery after a crash right here finds this ticket instead of choosing again.
        threading.remember(details, ticketId, customerId);
        createOnce(new OpenTicketCommand(ticketId, ticketNumber, customerId, details, followUpOf));
        threading.rememberNumber(ticketNumber, ticketId, customerId);
        return ticketId;
    }

    /**
     * A redelivered message goes where it went the first time; the ticket recognises its id and records nothing.
     * False if that ticket was never created (a crash between remembering and opening it).
     */
    private boolean recordAgain(String ticketId, MessageDetails details) {
        try {
            commands.sendAndWait(new RecordInboundMessageCommand(ticketId, details, ThreadingRule.EXPLICIT_REFERENCE,
                    null));
            return true;
        } catch (AggregateNotFoundException neverOpened) {
            return false;
        }
    }

    private String customerOf(InboundMessage message) {
        String identityKey = message.kafkaKey();
        CustomerDirectory.Resolution resolution = customers.resolve(identityKey);
        if (!resolution.registered()) {
            createOnce(new RegisterCustomerCommand(resolution.customerId(), message.channel(),
                    Channel.normalizeAddress(message.channel(), message.sender().address()),
                    message.sender().displayName()));
            customers.markRegistered(identityKey);
        }
        return resolution.customerId();
    }

    /** Sends a creation command; an aggregate that already exists means this work was done before. */
    private void createOnce(Object creationCommand) {
        try {
            commands.sendAndWait(creationCommand);
        } catch (AggregateStreamCreationException e) {
            LOG.debugf("Already created, skipping: %s", creationCommand);
        }
    }

    private static MessageDetails details(InboundMessage message) {
        return new MessageDetails(derivedId("message", message), message.channel(), message.providerMessageId(),
                message.sender().address(), message.sender().displayName(), message.subject(), message.text(),
                message.attachments() == null ? List.of() : message.attachments(), message.receivedAt(),
                message.acceptedAt(), message.thread());
    }

    /** A stable id from channel and provider message id, so a redelivery maps to the same aggregate or message. */
    private static String derivedId(String kind, InboundMessage message) {
        String source = kind + ":" + message.channel() + ":" + message.providerMessageId();
        return UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
