package io.threadline.analytics.kpi.api;

/** Shares as percentages with one decimal; null when there is nothing to divide by. */
final class Percent {

    private Percent() {
    }

    static Double of(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
