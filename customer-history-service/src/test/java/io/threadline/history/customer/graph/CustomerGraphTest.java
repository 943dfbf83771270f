package io.threadline.history.customer.graph;

import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.CustomerScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerGraphTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void aRegistrationNamesTheCustomerAndLinksItsNormalizedIdentity() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        CustomerNode node = apply("c-1", alice.registered("email", "Alice@Example.com", "Alice Martin"));

        assertThat(node.registered()).isTrue();
        assertThat(node.displayName()).isEqualTo("Alice Martin");
        assertThat(node.linkedIdentities()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("email:alice@example.com");
            assertThat(c.verified()).isTrue();
        });
    }

    @Test
    void linkAndUnlinkFollowTheAggregateSequenceWhateverTheOrderOfArrival() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        IntegrationEvent registered = alice.registered("email", "alice@example.com", "Alice");
        IntegrationEvent linked = alice.linked("sms", "+15550100");
        IntegrationEvent unlinked = alice.unlinked("sms", "+15550100");

        CustomerNode inOrder = apply("c-1", registered, linked, unlinked);
        CustomerNode lateLink = apply("c-1", registered, unlinked, linked);
        CustomerNode redelivered = apply("c-1", registered, linked, unlinked, linked, registered);

        assertThat(inOrder.claim("sms:+15550100")).hasValueSatisfying(c -> assertThat(c.linked()).isFalse());
        assertThat(lateLink).isEqualTo(inOrder);
        assertThat(redelivered).isEqualTo(inOrder);
    }

    @Test
    void everyPermutationOfAStreamGivesTheSameNode() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        List<IntegrationEvent> events = List.of(alice.registered("email", "alice@example.com", "Alice"),
                alice.linked("chat", "visitor-1"), alice.profile("Alice Martin", "fr"), alice.unlinked("chat", "visitor-1"),
                alice.linked("whatsapp", "+15550111"), alice.profile("Alice M.", "en"),
                alice.merged("c-1", "c-2", "m-1", List.of(new Identity("sms", "+15550100", true))));
        CustomerNode expected = apply("c-1", events.toArray(IntegrationEvent[]::new));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<IntegrationEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(apply("c-1", shuffled.toArray(IntegrationEvent[]::new))).isEqualTo(expected);
        }
        assertThat(expected.profile().name()).isEqualTo("Alice M.");
    }

    @Test
    void aMergeMovesIdentitiesToTheSurvivorAndAnUnmergeGivesThemBack() {
        CustomerScript survivor = new CustomerScript("c-s", T0);
        CustomerScript merged = new CustomerScript("c-m", T0);
        List<Identity> moved = List.of(new Identity("sms", "+15550100", true));
        IntegrationEvent survivorRegistered = survivor.registered("email", "alice@example.com", "Alice");
        IntegrationEvent mergedRegistered = merged.registered("sms", "+15550100", "A. M.");

        CustomerNode s = apply("c-s", survivorRegistered, survivor.merged("c-s", "c-m", "merge-1", moved));
        CustomerNode m = apply("c-m", mergedRegistered, merged.merged("c-s", "c-m", "merge-1", moved));
        assertThat(s.activelyAbsorbed()).containsExactly("c-m");
        assertThat(s.claim("sms:+15550100")).hasValueSatisfying(c -> assertThat(c.linked()).isTrue());
        assertThat(m.activeSurvivor()).contains("c-s");
        assertThat(m.linkedIdentities()).isEmpty();

        s = apply(s, survivor.unmerged("c-s", "c-m", "merge-1", moved));
        m = apply(m, merged.unmerged("c-s", "c-m", "merge-1", moved));
        assertThat(s.activelyAbsorbed()).isEmpty();
        assertThat(s.claim("sms:+15550100")).hasValueSatisfying(c -> assertThat(c.linked()).isFalse());
        assertThat(m.activeSurvivor()).isEmpty();
        assertThat(m.linkedIdentities()).extracting(IdentityClaim::key).containsExactly("sms:+15550100");
    }

    @Test
    void anErasedCustomerKeepsNoPersonalDataAndLaterEventsAddNone() {
        CustomerScript alice = new CustomerScript("c-1", T0);
        IntegrationEvent registered = alice.registered("email", "alice@example.com", "Alice");
        IntegrationEvent profile = alice.profile("Alice Martin", "fr");
        IntegrationEvent erased = alice.erased();

        CustomerNode node = apply("c-1", registered, profile, erased, registered, profile, alice.linked("sms", "+1555"));

        assertThat(node.erased()).isTrue();
        assertThat(node.displayName()).isNull();
        assertThat(node.profile()).isNull();
        assertThat(node.identities()).isEmpty();
        assertThat(node.registered()).isTrue();
    }

    private static CustomerNode apply(String customerId, IntegrationEvent... events) {
        return apply(CustomerNode.unknown(customerId), events);
    }

    private static CustomerNode apply(CustomerNode node, IntegrationEvent... events) {
        CustomerNode result = node;
        for (IntegrationEvent event : events) {
            result = CustomerGraph.apply(result, event, event.payloadAs(CustomerScript.JSON).orElseThrow());
        }
        return result;
    }
}
