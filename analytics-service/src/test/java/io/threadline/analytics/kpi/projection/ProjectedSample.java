package io.threadline.analytics.kpi.projection;

import com.mongodb.client.MongoDatabase;
import io.threadline.analytics.EventFactory;
import io.threadline.analytics.SampleHistory;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.contracts.events.AggregateType;
import io.threadline.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link SampleHistory} projected into copy 1 of a database in batches of 2,000, as the consumers deliver them. */
final class ProjectedSample {

    private ProjectedSample() {
    }

    static ReadModel project(MongoDatabase db, Instant firstDay, int days, int tickets) {
        ReadModel model = new ReadModel(db, 1);
        List<IntegrationEvent> events = SampleHistory.events("w-", firstDay, days, tickets);
        List<SourcedEvent> sourced = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IntegrationEvent event = events.get(i);
            String topic = AggregateType.CUSTOMER.equals(event.aggregateType()) ? "customer.events-0" : "ticket.events-0";
            sourced.add(new SourcedEvent(topic, i, event, event.payloadAs(EventFactory.JSON).orElseThrow()));
        }
        BatchProjection projection = new BatchProjection(Optional.empty());
        for (int from = 0; from < sourced.size(); from += 2000) {
            assertThat(projection.project(model, sourced.subList(from, Math.min(from + 2000, sourced.size())))
                    .rejected()).isEmpty();
        }
        return model;
    }
}
