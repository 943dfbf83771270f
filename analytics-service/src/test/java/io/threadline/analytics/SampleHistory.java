package io.threadline.analytics;

import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A plausible few weeks of support, generated from a fixed seed (the same history every run): tickets on four
 * channels, assigned to agents of three groups, answered after a while, mostly solved, some reopened, some rated.
 */
public final class SampleHistory {

    private static final String[] CHANNELS = {"email", "email", "chat", "chat", "chat", "sms", "whatsapp"};
    private static final String[] GROUPS = {"billing", "shipping", "tech"};
    private static final String[] AGENTS = {"alice", "bob", "carol", "dave", "erin", "frank"};

    private SampleHistory() {
    }

    /** {@code tickets} tickets opened over {@code days} days from {@code firstDay} (UTC midnight). */
    public static List<IntegrationEvent> events(String prefix, Instant firstDay, int days, int tickets) {
        Random random = new Random(42);
        EventFactory f = new EventFactory();
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            String id = prefix + i;
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            Instant opened = firstDay.plus(Duration.ofDays(random.nextInt(days)))
                    .plus(Duration.ofMinutes(7 * 60 + random.nextInt(13 * 60)));
            events.add(f.opened(id, channel, opened.toString()));
            events.add(f.message(id, channel, opened.toString()));
            int group = random.nextInt(GROUPS.length);
            Instant assigned = opened.plus(Duration.ofMinutes(2 + random.nextInt(30)));
            events.add(f.assigned(id, GROUPS[group], AGENTS[group * 2 + random.nextInt(2)], assigned.toString()));
            if (random.nextInt(8) == 0) {
                events.add(f.priority(id, TicketPriority.HIGH, assigned.toString()));
            }
            if (random.nextInt(10) == 0) {
                continue; // still waiting for a first reply
            }
            Instant replied = assigned.plus(Duration.ofMinutes((long) (10 + Math.abs(random.nextGaussian()) * 240)));
            events.add(f.reply(id, replied.toString()));
            if (random.nextInt(6) == 0) {
                // Answered, not solved yet: waiting on the customer or on a third party.
                TicketStatus waiting = random.nextInt(3) == 0 ? TicketStatus.ON_HOLD : TicketStatus.PENDING;
                events.add(f.status(id, TicketStatus.NEW, waiting, replied.toString()));
                continue;
            }
            Instant solved = replied.plus(Duration.ofMinutes(20 + random.nextInt(1800)));
            events.add(f.status(id, TicketStatus.NEW, TicketStatus.SOLVED, solved.toString()));
            if (random.nextInt(9) == 0) {
                Instant back = solved.plus(Duration.ofHours(2 + random.nextInt(20)));
                events.add(f.message(id, channel, back.toString()));
                events.add(f.status(id, TicketStatus.SOLVED, TicketStatus.OPEN, back.toString()));
                events.add(f.reply(id, back.plus(Duration.ofMinutes(30 + random.nextInt(120))).toString()));
                solved = back.plus(Duration.ofHours(3 + random.nextInt(10)));
                events.add(f.status(id, TicketStatus.OPEN, TicketStatus.SOLVED, solved.toString()));
            }
            if (random.nextInt(5) < 2) {
                int score = random.nextInt(10) < 8 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                events.add(f.survey(id, "csat-" + id, SurveyKind.CSAT, score, solved.plus(Duration.ofHours(1)).toString()));
            }
            if (random.nextInt(7) == 0) {
                events.add(f.survey(id, "nps-" + id, SurveyKind.NPS, random.nextInt(11),
                        solved.plus(Duration.ofHours(2)).toString()));
            }
        }
        return events;
    }
}
