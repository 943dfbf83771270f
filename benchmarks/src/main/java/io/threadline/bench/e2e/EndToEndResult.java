package io.threadline.bench.e2e;

import java.time.Duration;
import java.util.List;

/**
 * How many accepted messages reached the timelines, and how fast.
 *
 * @param expected           messages the gateway accepted
 * @param visible            of those, found on their customer's timeline
 * @param customersIncomplete customers still missing messages when the watcher stopped
 * @param timedOut           the watcher gave up at --timeout
 * @param observedDrain      last gateway answer to the poll that found everything (includes poll granularity);
 *                           null when timed out or nothing was accepted
 * @param pollErrors         failed history requests (errors, 5xx), retried on the next round
 */
public record EndToEndResult(
        int expected,
        int visible,
        int customersIncomplete,
        int duplicateEntries,
        int misplacedEntries,
        int foreignEntries,
        boolean timedOut,
        Duration observedDrain,
        int pollErrors,
        List<String> pollErrorSamples,
        EndToEndLatency latency) {

    public int missing() {
        return expected - visible;
    }
}
