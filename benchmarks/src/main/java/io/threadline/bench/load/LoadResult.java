package io.threadline.bench.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What the gateway answered during the load.
 *
 * @param accepted            2xx answers, duplicates included
 * @param duplicates          2xx answers saying the provider message id was seen before (expected: none)
 * @param rejected            non-2xx answers, by status in {@code rejectedByStatus}
 * @param errors              requests that got no answer (connection refused, timeout)
 * @param failureSamples      the first few rejection bodies and error messages, for the report
 * @param acceptedMessages    indexes of the accepted messages: only these are awaited in the timelines
 * @param acceptLatencyMicros send to 2xx answer, per accepted request
 * @param elapsed             first send to last answer
 * @param lastAnswerAt        this machine's clock when the last answer arrived
 */
public record LoadResult(
        int sent,
        int accepted,
        int duplicates,
        int rejected,
        Map<Integer, Integer> rejectedByStatus,
        int errors,
        List<String> failureSamples,
        BitSet acceptedMessages,
        Histogram acceptLatencyMicros,
        Duration elapsed,
        Instant lastAnswerAt) {

    public double acceptedPerSecond() {
        return accepted / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }

    public int failed() {
        return rejected + errors;
    }
}
