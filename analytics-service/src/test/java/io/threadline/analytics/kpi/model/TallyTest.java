package io.threadline.analytics.kpi.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tally's histogram bins, kept apart from its other counters, behave exactly as counters under their dotted names:
 * added, read, subtracted to nothing, compared and listed alike.
 */
class TallyTest {

    @Test
    void binsAreCountersUnderTheirNames() {
        Tally tally = new Tally().add("frt.h.3", 2).add("frt.n", 2).add(new Tally.Bin("frt.h", 300), 1)
                .add("frt.h.3", 1);

        assertThat(tally.get("frt.h.3")).isEqualTo(3);
        assertThat(tally.get("frt.h.300")).isEqualTo(1);
        assertThat(tally.get("frt.h.4")).isZero();
        assertThat(tally.get("res.h.3")).isZero();
        assertThat(tally.asMap()).isEqualTo(Map.of("frt.h.3", 3L, "frt.h.300", 1L, "frt.n", 2L));
        assertThat(tally.indexed("frt.h", 301)).hasSize(301).satisfies(bins -> {
            assertThat(bins[3]).isEqualTo(3);
            assertThat(bins[300]).isEqualTo(1);
            assertThat(bins[0] + bins[299]).isZero();
        });
        assertThatThrownBy(() -> tally.indexed("frt.h", 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frt.h.300");
    }

    @Test
    void countersThatSumToZeroAreAsNeverCounted() {
        Tally tally = new Tally().add("frt.h.7", 5).add("created", 1);
        Tally same = Tally.of("created", 1).add("res.h.2", 4).add("res.h.2", -4).add("frt.h.7", 5);

        assertThat(same).isEqualTo(tally).hasSameHashCodeAs(tally);
        assertThat(tally.add(tally.negated(), 1).isEmpty()).isTrue();
        assertThat(tally.asMap()).isEmpty();
        assertThat(tally).isEqualTo(new Tally());
    }

    @Test
    void onlyNumberedNamesUnderAHistogramAreBins() {
        assertThat(Tally.binOf("frt.h.42")).isEqualTo(new Tally.Bin("frt.h", 42));
        assertThat(Tally.binOf("frtB.h.0")).isEqualTo(new Tally.Bin("frtB.h", 0));
        for (String counter : new String[]{"frt.n", "csat.sat", "h.1", "frt.hx.1", "frt.h.", "frt.h.x1", "created"}) {
            assertThat(Tally.binOf(counter)).as(counter).isNull();
        }
        Tally tally = Tally.of("frt.h.x1", 2);
        assertThat(tally.get("frt.h.x1")).isEqualTo(2);
        assertThat(tally.asMap()).isEqualTo(Map.of("frt.h.x1", 2L));
    }
}
