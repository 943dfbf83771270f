package io.threadline.analytics.kpi.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockTest {

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");

    @Test
    void aWholeUtcDayIsOneBlock() {
        assertThat(Block.cover(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")))
                .containsExactly(new Block(NOV_2, Block.WHOLE_DAY, 1));
    }

    @Test
    void aParisDayIsTheUtcDayMinusItsLastHourPlusThePreviousDaysLastHour() {
        // Paris, UTC+1: 2 November runs from 1 November 23:00Z to 2 November 23:00Z. Quarters 92-95 are 23:00-24:00.
        List<Block> blocks = Block.cover(Instant.parse("2026-11-01T23:00:00Z"), Instant.parse("2026-11-02T23:00:00Z"));

        assertThat(blocks).containsExactly(
                new Block(NOV_1, 92, 1), new Block(NOV_1, 93, 1), new Block(NOV_1, 94, 1), new Block(NOV_1, 95, 1),
                new Block(NOV_2, Block.WHOLE_DAY, 1),
                new Block(NOV_2, 92, -1), new Block(NOV_2, 93, -1), new Block(NOV_2, 94, -1), new Block(NOV_2, 95, -1));
    }

    @Test
    void aShortIntervalIsItsQuarterHours() {
        // Kathmandu (UTC+05:45): the local hour 16:00-17:00 is 10:15Z-11:15Z.
        assertThat(Block.cover(Instant.parse("2026-11-02T10:15:00Z"), Instant.parse("2026-11-02T11:15:00Z")))
                .containsExactly(new Block(NOV_2, 41, 1), new Block(NOV_2, 42, 1), new Block(NOV_2, 43, 1),
                        new Block(NOV_2, 44, 1));
    }

    @Test
    void anEmptyIntervalHasNoBlocks() {
        assertThat(Block.cover(Instant.parse("2026-11-02T10:15:00Z"), Instant.parse("2026-11-02T10:15:00Z"))).isEmpty();
    }
}
