package io.threadline.ticket.customer.command;

import io.threadline.ticket.customer.api.AbsorbCustomerCommand;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomerProfileUpdatedEvent;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.customer.api.IdentityLinkedEvent;
import io.threadline.ticket.customer.api.IdentityUnlinkedEvent;
import io.threadline.ticket.customer.api.LinkIdentityCommand;
import io.threadline.ticket.customer.api.MergeIntoCustomerCommand;
import io.threadline.ticket.customer.api.MergeRecord;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import io.threadline.ticket.customer.api.RestoreMergedCustomerCommand;
import io.threadline.ticket.customer.api.UnlinkIdentityCommand;
import io.threadline.ticket.customer.api.UnmergeCustomerCommand;
import io.threadline.ticket.customer.api.UpdateProfileCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerTest {

    private static final CustomerIdentity SMS = new CustomerIdentity("sms", "+15550100", true, "SMS code");
    private static final CustomerIdentity CHAT = new CustomerIdentity("chat", "visitor-7", false, "first message");
    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    @Test
    void registeringACustomerRecordsItsFirstIdentity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand("c-1", "sms", "+15550100", "Bob"))
                .expectEvents(new CustomerRegisteredEvent("c-1", "sms", "+15550100", "Bob"))
                .expectState(customer -> assertThat(customer.identities()).containsExactly("sms:+15550100"));
    }

    @Test
    void linkingAnIdentityRecordsItsEvidenceAndLinkingItAgainChangesNothing() {
        fixture.given(registered("c-1"))
                .when(new LinkIdentityCommand("c-1", SMS, "bob", null))
                .expectEvents(new IdentityLinkedEvent("c-1", "sms", "+15550100", true, "SMS code", "bob"))
                .expectResultMessagePayload(1L);
        fixture.given(registered("c-1"), linked("c-1", SMS))
                .when(new LinkIdentityCommand("c-1", SMS, "bob", null))
                .expectNoEvents();
    }

    @Test
    void theLastIdentityCannotBeUnlinked() {
        fixture.given(registered("c-1"))
                .when(new UnlinkIdentityCommand("c-1", "email", "alice@example.com", "bob", null))
                .expectException(CustomerRuleException.class);
        fixture.given(registered("c-1"), linked("c-1", SMS))
                .when(new UnlinkIdentityCommand("c-1", "sms", "+15550100", "bob", null))
                .expectEvents(new IdentityUnlinkedEvent("c-1", "sms", "+15550100", "bob"));
    }

    @Test
    void profileIsReplacedAndAStaleVersionIsRefused() {
        fixture.given(registered("c-1"))
                .when(new UpdateProfileCommand("c-1", "Alice Martin", "fr", "Europe/Paris", Map.of("plan", "pro"), "bob",
                        0L))
                .expectEvents(new CustomerProfileUpdatedEvent("c-1", "Alice Martin", "fr", "Europe/Paris",
                        Map.of("plan", "pro"), "bob"));
        fixture.given(registered("c-1"), linked("c-1", SMS))
                .when(new UpdateProfileCommand("c-1", "Alice", null, null, Map.of(), "bob", 0L))
                .expectException(CustomerVersionConflictException.class);
    }

    @Test
    void mergedCustomerHandsOverItsIdentitiesAndTakesNoFurtherChanges() {
        fixture.given(new CustomerRegisteredEvent("c-2", "chat", "visitor-7", "Visitor"))
                .when(new MergeIntoCustomerCommand("c-2", "c-1", "mg-1", "carol"))
                .expectEvents(new CustomersMergedEvent("c-2", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .expectResultMessagePayload(List.of(CHAT));
        fixture.given(new CustomerRegisteredEvent("c-2", "chat", "visitor-7", "Visitor"),
                        new CustomersMergedEvent("c-2", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .when(new LinkIdentityCommand("c-2", SMS, "bob", null))
                .expectException(CustomerRuleException.class);
    }

    @Test
    void survivorAbsorbsThenGivesBackExactlyTheMergedIdentities() {
        CustomersMergedEvent absorbed = new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", List.of(CHAT), "carol");
        fixture.given(registered("c-1"))
                .when(new AbsorbCustomerCommand("c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .expectEvents(absorbed)
                .expectState(c -> assertThat(c.identities()).containsExactlyInAnyOrder("email:alice@example.com",
                        "chat:visitor-7"));
        fixture.given(registered("c-1"), absorbed)
                .when(new UnmergeCustomerCommand("c-1", "mg-1", "carol"))
                .expectEvents(new CustomersUnmergedEvent("c-1", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .expectResultMessagePayload(new MergeRecord("mg-1", "c-2", List.of(CHAT)))
                .expectState(c -> assertThat(c.identities()).containsExactly("email:alice@example.com"));
        fixture.given(registered("c-1"))
                .when(new UnmergeCustomerCommand("c-1", "mg-unknown", "carol"))
                .expectException(CustomerRuleException.class);
    }

    @Test
    void anUndoneMergeTakesBackWhatTheSurvivorRecordedEvenWhenTheUnmergeNoLongerNamesIt() {
        // Stored before identities were sealed with the merged customer's key, the merge still reads in full after
        // that customer's erasure, while the later unmerge (sealed with its key) reads without identities.
        fixture.given(registered("c-1"), new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"),
                        new CustomersUnmergedEvent("c-1", "c-1", "c-2", "mg-1", null, "carol"))
                .when(new LinkIdentityCommand("c-1", SMS, "bob", null))
                .expectSuccessfulHandlerExecution()
                .expectState(c -> assertThat(c.identities()).containsExactlyInAnyOrder("email:alice@example.com",
                        "sms:+15550100"));
    }

    @Test
    void formerlyMergedCustomerStandsAloneAgain() {
        fixture.given(new CustomerRegisteredEvent("c-2", "chat", "visitor-7", "Visitor"),
                        new CustomersMergedEvent("c-2", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .when(new RestoreMergedCustomerCommand("c-2", "c-1", "mg-1", List.of(CHAT), "carol"))
                .expectEvents(new CustomersUnmergedEvent("c-2", "c-1", "c-2", "mg-1", List.of(CHAT), "carol"))
                .expectState(c -> assertThat(c.identities()).containsExactly("chat:visitor-7"));
    }

    @Test
    void customerCannotBeMergedIntoItself() {
        fixture.given(registered("c-1"))
                .when(new MergeIntoCustomerCommand("c-1", "c-1", "mg-1", "carol"))
                .expectException(CustomerRuleException.class);
    }

    private static CustomerRegisteredEvent registered(String customerId) {
        return new CustomerRegisteredEvent(customerId, "email", "alice@example.com", "Alice");
    }

    private static IdentityLinkedEvent linked(String customerId, CustomerIdentity identity) {
        return new IdentityLinkedEvent(customerId, identity.channel(), identity.address(), identity.verified(),
                identity.evidence(), "bob");
    }
}
