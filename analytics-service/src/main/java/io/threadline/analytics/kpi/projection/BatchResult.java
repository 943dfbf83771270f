package io.threadline.analytics.kpi.projection;

import java.util.List;
import java.util.Map;

/**
 * What a batch did: how many events of each type changed the read model, and the events that can never be
 * projected (with why), which the caller parks in the dead-letter topic.
 */
public record BatchResult(Map<String, Integer> appliedByType, List<Rejected> rejected) {

    public record Rejected(SourcedEvent event, RuntimeException reason) {
    }
}
