package io.threadline.ticket.inbound;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.Channel;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.ticket.command.TicketClosedException;
import io.threadline.ticket.ticket.numbering.TicketNumbers;
import io.threadline.ticket.ticket.threading.OpenTickets;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one inbound message into commands: find or register the customer, pick the ticket, record the message.
 * Safe to run again for the same message: ids derive from the message, so a redelivery changes nothing.
 */
@ApplicationScoped
public class InboundMessageHandler {

    private static final Logger LOG = Logger.getLogger(InboundMessageHandler.class);

    private final CommandGateway commands;
    private final CustomerDirectory customers;
    private final OpenTickets openTickets;
    private final TicketNumbers ticketNumbers;

    public InboundMessageHandler(CommandGateway commands, CustomerDirectory customers, OpenTickets openTickets,
                                 TicketNumbers ticketNumbers) {
        this.commands = commands;
        this.customers = customers;
        this.openTickets = openTickets;
        this.ticketNumbers = ticketNumbers;
    }

    public void handle(InboundMessage message) {
        String customerId = customerOf(message);
        MessageDetails details = details(message);
        Optional<String> openTicket = openTickets.of(customerId);
        if (openTicket.isPresent()) {
            try {
                commands.sendAndWait(new RecordInboundMessageCommand(openTicket.get(), details,
                        ThreadingRule.OPEN_TICKET));
                return;
            } catch (TicketClosedException closed) {
                // CLOSED is final: the message starts a new ticket (linking it as a follow-up comes later).
                LOG.debugf("Ticket %s is closed, opening a new one for customer %s", openTicket.get(), customerId);
            }
        }
        String ticketId = derivedId("ticket", message);
        createOnce(new OpenTicketCommand(ticketId, ticketNumbers.next(), customerId, details));
        openTickets.remember(customerId, ticketId);
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
                message.acceptedAt());
    }

    /** A stable id from channel and provider message id, so a redelivery maps to the same aggregate or message. */
    private static String derivedId(String kind, InboundMessage message) {
        String source = kind + ":" + message.channel() + ":" + message.providerMessageId();
        return UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
