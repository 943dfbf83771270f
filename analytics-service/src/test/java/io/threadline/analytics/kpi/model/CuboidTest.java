package io.threadline.analytics.kpi.model;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CuboidTest {

    @Test
    void aQueryReadsTheSmallestKeptCuboidHoldingItsDimensions() {
        assertThat(smallestHolding()).isEqualTo("all");
        assertThat(smallestHolding(Dimension.PRIORITY)).isEqualTo("p");
        assertThat(smallestHolding(Dimension.GROUP, Dimension.CHANNEL)).isEqualTo("c+g");
        assertThat(smallestHolding(Dimension.AGENT, Dimension.GROUP)).isEqualTo("g+a");
        assertThat(smallestHolding(Dimension.AGENT, Dimension.CHANNEL)).isEqualTo("c+a");
        // Not kept: answered from the cuboid of all four dimensions.
        assertThat(smallestHolding(Dimension.CHANNEL, Dimension.PRIORITY)).isEqualTo("c+g+a+p");
        assertThat(smallestHolding(Dimension.CHANNEL, Dimension.GROUP, Dimension.PRIORITY)).isEqualTo("c+g+a+p");
    }

    @Test
    void everySetOfDimensionsHasACuboidHoldingIt() {
        for (int mask = 0; mask < 16; mask++) {
            Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
            for (Dimension d : Dimension.values()) {
                if ((mask & 1 << d.ordinal()) != 0) {
                    dims.add(d);
                }
            }
            assertThat(Cuboid.smallestHolding(dims).dimensions()).as("%s", dims).containsAll(dims);
        }
        assertThat(Cuboid.KEPT).hasSize(9);
    }

    private static String smallestHolding(Dimension... dimensions) {
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        dims.addAll(Set.of(dimensions));
        return Cuboid.smallestHolding(dims).name();
    }
}
