package io.threadline.ticket.ticket.threading;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.ticket.TicketServiceConfig;
import io.threadline.ticket.customer.directory.CustomerDirectory;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ticket an inbound message joins, trying DESIGN's rules in order: explicit references (email In-Reply-To,
 * then References newest first, a ticket token such as {@code [#TL-1042]} in the subject, the chat session, the
 * social conversation); else the customer's latest ticket in the configured scope (the ticket itself then says
 * whether it is open, reopens within the window, or refuses); else none, and the caller opens a new ticket.
 * A reference counts only if it points at a ticket of the same customer.
 */
@ApplicationScoped
public class TicketThreading {

    /** The ticket to try, and the rule that chose it. */
    public record Candidate(String ticketId, ThreadingRule rule) {
    }

    private static final Pattern TICKET_TOKEN = Pattern.compile("\\[#(TL-\\d+)]", Pattern.CASE_INSENSITIVE);

    private final ThreadIndex index;
    private final OpenTickets openTickets;
    private final CustomerDirectory customers;
    private final OpenTicketScope scope;

    public TicketThreading(ThreadIndex index, OpenTickets openTickets, CustomerDirectory customers,
                           TicketServiceConfig config) {
        this.index = index;
        this.openTickets = openTickets;
        this.customers = customers;
        this.scope = config.threading().openTicketScope();
    }

    public Optional<Candidate> choose(MessageDetails message, String customerId) {
        for (ThreadKey key : explicitKeys(message)) {
            Optional<ThreadIndex.Target> target = index.find(key).filter(t -> sameCustomer(customerId, t.customerId()));
            if (target.isPresent()) {
                return Optional.of(new Candidate(target.get().ticketId(), ThreadingRule.EXPLICIT_REFERENCE));
            }
        }
        return openTickets.of(customerId, message.channel(), scope)
                .map(ticketId -> new Candidate(ticketId, ThreadingRule.OPEN_TICKET));
    }

    /** The ticket's customer is this one, or was merged into it. */
    private boolean sameCustomer(String customerId, String ticketCustomerId) {
        return customerId.equals(ticketCustomerId)
                || customers.survivorOf(ticketCustomerId).filter(customerId::equals).isPresent();
    }

    /** The keys the message's own references point at, most specific first. */
    static List<ThreadKey> explicitKeys(MessageDetails message) {
        List<ThreadKey> keys = new ArrayList<>();
        ThreadReferences thread = message.thread();
        if (thread != null) {
            if (thread.inReplyTo() != null && !thread.inReplyTo().isBlank()) {
                keys.add(ThreadKey.emailMessageId(thread.inReplyTo()));
            }
            if (thread.references() != null) {
                for (int i = thread.references().size() - 1; i >= 0; i--) {
                    String reference = thread.references().get(i);
                    if (reference != null && !reference.isBlank()) {
                        keys.add(ThreadKey.emailMessageId(reference));
                    }
                }
            }
        }
        if (message.subject() != null) {
            Matcher token = TICKET_TOKEN.matcher(message.subject());
            while (token.find()) {
                keys.add(ThreadKey.ticketNumber(token.group(1)));
            }
        }
        if (thread != null && thread.chatSessionId() != null) {
            keys.add(ThreadKey.chatSession(thread.chatSessionId()));
        }
        if (thread != null && thread.conversationId() != null) {
            keys.add(ThreadKey.conversation(message.channel(), thread.conversationId()));
        }
        return keys;
    }

    /** The keys by which later messages will find this message's ticket. */
    public void remember(MessageDetails message, String ticketId, String customerId) {
        List<ThreadKey> keys = new ArrayList<>();
        keys.add(ThreadKey.message(message.messageId()));
        ThreadReferences thread = message.thread();
        String emailId = thread != null && thread.messageId() != null ? thread.messageId()
                : "email".equals(message.channel()) ? message.providerMessageId() : null;
        if (emailId != null && !emailId.isBlank()) {
            keys.add(ThreadKey.emailMessageId(emailId));
        }
        if (thread != null && thread.chatSessionId() != null) {
            keys.add(ThreadKey.chatSession(thread.chatSessionId()));
        }
        if (thread != null && thread.conversationId() != null) {
            keys.add(ThreadKey.conversation(message.channel(), thread.conversationId()));
        }
        index.point(keys, ticketId, customerId);
        openTickets.remember(customerId, message.channel(), ticketId);
    }

    /**
     * An agent's reply: its delivery receipt, and an email answer to its Message-ID, find the ticket. Called by the
     * relay for every stored reply, before the reply goes out, so no answer can arrive before its key exists.
     */
    public void rememberReply(ReplyRequestedEvent reply) {
        List<ThreadKey> keys = new ArrayList<>();
        keys.add(ThreadKey.outbound(reply.outboundId()));
        if (reply.thread() != null && reply.thread().messageId() != null) {
            keys.add(ThreadKey.emailMessageId(reply.thread().messageId()));
        }
        index.point(keys, reply.ticketId(), reply.customerId());
    }

    /** A ticket token such as {@code [#TL-1042]} in a later subject finds the ticket. */
    public void rememberNumber(String ticketNumber, String ticketId, String customerId) {
        index.point(List.of(ThreadKey.ticketNumber(ticketNumber)), ticketId, customerId);
    }

    /** Where an already recorded message went, so a redelivery goes there again (and changes nothing). */
    public Optional<String> ticketOf(MessageDetails message) {
        return index.find(ThreadKey.message(message.messageId())).map(ThreadIndex.Target::ticketId);
    }

    /** The ticket an agent's reply belongs to. */
    public Optional<ThreadIndex.Target> ticketOfReply(String outboundId) {
        return index.find(ThreadKey.outbound(outboundId));
    }
}
