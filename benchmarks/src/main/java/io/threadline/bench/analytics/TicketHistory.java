package io.threadline.bench.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.inbound.Participant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The events of one synthetic ticket, as ticket-service publishes them: opened with the customer's message,
 * assigned, given another priority (four in ten: low, high or urgent), answered after a while, solved (most), rated
 * (some). Four channels, three groups of four agents each; a quarter of a group's tickets go to an agent of the next
 * group, so every agent works in two groups. About 5.6 events per ticket.
 */
final class TicketHistory {

    private static final String[] CHANNELS = {"email", "chat", "sms", "whatsapp"};
    private static final String[] GROUPS = {"billing", "shipping", "tech"};
    /** Out of 20 tickets: 3 low, 12 normal (left as opened), 4 high, 1 urgent. */
    private static final TicketPriority[] PRIORITIES = {TicketPriority.LOW, TicketPriority.LOW, TicketPriority.LOW,
            TicketPriority.HIGH, TicketPriority.HIGH, TicketPriority.HIGH, TicketPriority.HIGH, TicketPriority.URGENT};
    private static final int PRIORITY_DRAWS = 20;

    private final ObjectMapper json;
    private final String runId;

    TicketHistory(ObjectMapper json, String runId) {
        this.json = json;
        this.runId = runId;
    }

    List<IntegrationEvent> ticket(long index, Instant opened, SplittableRandom random) {
        String id = "bench-" + runId + "-" + index;
        String customer = "bench-customer-" + runId + "-" + index;
        String channel = CHANNELS[(int) (index % CHANNELS.length)];
        int group = random.nextInt(GROUPS.length);
        List<Object> payloads = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        payloads.add(new TicketOpened(id, "TL-" + (1000 + index), customer, channel, "Order question", null, null));
        times.add(opened);
        payloads.add(new MessageReceived(id, "TL-" + (1000 + index), "m-" + id, channel, "p-" + id,
                new Participant("customer@example.com", null), "Order question", "Where is my order?", List.of(),
                opened, opened.plusMillis(30), ThreadingRule.NEW_TICKET));
        times.add(opened);
        Instant assigned = opened.plus(Duration.ofMinutes(1 + random.nextInt(20)));
        int agentsGroup = random.nextInt(4) == 0 ? (group + 1) % GROUPS.length : group;
        payloads.add(new TicketAssigned(id, "TL-" + (1000 + index), "agent-" + agentsGroup + "-" + random.nextInt(4),
                GROUPS[group], null, null, "lead"));
        times.add(assigned);
        int priority = random.nextInt(PRIORITY_DRAWS);
        if (priority < PRIORITIES.length) {
            payloads.add(new TicketPriorityChanged(id, "TL-" + (1000 + index), TicketPriority.NORMAL,
                    PRIORITIES[priority], "lead"));
            times.add(assigned);
        }
        Instant replied = assigned.plus(Duration.ofMinutes(5 + (long) Math.abs(random.nextDouble() * random.nextDouble() * 900)));
        payloads.add(new ReplyRequested(id, "TL-" + (1000 + index), "o-" + id, "agent", channel, "customer@example.com",
                "Re: Order question", "It ships today."));
        times.add(replied);
        if (random.nextInt(10) < 9) {
            Instant solved = replied.plus(Duration.ofMinutes(10 + random.nextInt(3000)));
            payloads.add(new TicketStatusChanged(id, "TL-" + (1000 + index), TicketStatus.NEW, TicketStatus.SOLVED, "agent"));
            times.add(solved);
            if (random.nextInt(5) == 0) {
                payloads.add(new SurveyAnswered(id, "TL-" + (1000 + index), "s-" + id, SurveyKind.CSAT,
                        1 + random.nextInt(5), null, solved.plus(Duration.ofHours(1))));
                times.add(solved.plus(Duration.ofHours(1)));
            }
        }
        List<IntegrationEvent> events = new ArrayList<>(payloads.size());
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(IntegrationEvent.wrap(id + "-" + seq, id, seq, times.get(seq), customer, payloads.get(seq), json));
        }
        return events;
    }
}
