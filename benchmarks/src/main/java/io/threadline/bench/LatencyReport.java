package io.threadline.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/** The percentiles a report shows of one latency histogram, already in milliseconds. */
public record LatencyReport(long count, double p50, double p95, double p99, double max) {

    /**
     * @param unitsPerMilli how many of the histogram's units make a millisecond (1000 for microseconds)
     */
    public static LatencyReport of(Histogram histogram, double unitsPerMilli) {
        if (histogram.getTotalCount() == 0) {
            return new LatencyReport(0, 0, 0, 0, 0);
        }
        return new LatencyReport(histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / unitsPerMilli,
                histogram.getValueAtPercentile(95) / unitsPerMilli,
                histogram.getValueAtPercentile(99) / unitsPerMilli,
                histogram.getMaxValue() / unitsPerMilli);
    }

    public String text() {
        if (count == 0) {
            return "no samples";
        }
        return "p50 " + millis(p50) + "  p95 " + millis(p95) + "  p99 " + millis(p99) + "  max " + millis(max)
                + "  (" + count + " samples)";
    }

    /** {@code a / b / c / d ms}, for a table cell under "p50 / p95 / p99 / max". */
    public String markdownCell() {
        if (count == 0) {
            return "no samples";
        }
        return number(p50) + " / " + number(p95) + " / " + number(p99) + " / " + number(max) + " ms";
    }

    private static String millis(double value) {
        return number(value) + " ms";
    }

    /** One decimal below 100 ms, where a tenth still means something; whole milliseconds above. */
    private static String number(double value) {
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
    }
}
