package io.threadline.analytics.kpi.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored aggregate with a sign: a whole UTC day ({@code quarter} = -1) or one of its 96 quarter hours. Any
 * interval on quarter-hour boundaries is a signed sum of blocks; a day covered but for a few quarter hours is read
 * as the day minus those, so a day of any time zone costs at most a day, a few quarters and their complements.
 */
record Block(LocalDate day, int quarter, int sign) {

    static final int WHOLE_DAY = -1;
    static final int QUARTERS_PER_DAY = 96;
    private static final Duration QUARTER = Duration.ofMinutes(15);

    /** The signed blocks whose sum is exactly [from, to); both ends on quarter hours. */
    static List<Block> cover(Instant from, Instant to) {
        List<Block> blocks = new ArrayList<>();
        if (!to.isAfter(from)) {
            return blocks;
        }
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC); !day.isAfter(last); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            int first = from.isAfter(dayStart) ? quarterOf(dayStart, from) : 0;
            int end = to.isBefore(dayStart.plus(Duration.ofDays(1))) ? quarterOf(dayStart, to) : QUARTERS_PER_DAY;
            int inside = end - first;
            if (inside == QUARTERS_PER_DAY) {
                blocks.add(new Block(day, WHOLE_DAY, 1));
            } else if (inside <= QUARTERS_PER_DAY - inside + 1) {
                for (int q = first; q < end; q++) {
                    blocks.add(new Block(day, q, 1));
                }
            } else {
                blocks.add(new Block(day, WHOLE_DAY, 1));
                for (int q = 0; q < first; q++) {
                    blocks.add(new Block(day, q, -1));
                }
                for (int q = end; q < QUARTERS_PER_DAY; q++) {
                    blocks.add(new Block(day, q, -1));
                }
            }
        }
        return blocks;
    }

    private static int quarterOf(Instant dayStart, Instant instant) {
        return (int) (Duration.between(dayStart, instant).toSeconds() / QUARTER.toSeconds());
    }
}
