package io.threadline.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadPlanTest {

    private final LoadPlan plan = new LoadPlan("01234567", 10, 25, List.of("email", "sms", "chat", "whatsapp"));

    @Test
    void customerIBindsToChannelIModuloTheList() {
        assertThat(IntStream.range(0, 6).mapToObj(plan::channelOf))
                .containsExactly("email", "sms", "chat", "whatsapp", "email", "sms");
    }

    @Test
    void addressesHaveEachChannelsShapeAndCarryTheRunId() {
        assertThat(plan.addressOf(0)).isEqualTo("bench-01234567-0@example.com");
        assertThat(plan.addressOf(1)).isEqualTo("+155501234567" + 1);
        assertThat(plan.addressOf(2)).isEqualTo("visitor-01234567-2");
        assertThat(plan.addressOf(3)).isEqualTo("+155501234567" + 3);
        assertThat(plan.identityOf(4)).isEqualTo("email:bench-01234567-4@example.com");
        assertThat(plan.identityOf(5)).isEqualTo("sms:+1555012345675");
    }

    @Test
    void customChannelsGetAnOpaqueAddress() {
        LoadPlan voice = new LoadPlan("01234567", 2, 2, List.of("voice"));

        assertThat(voice.addressOf(1)).isEqualTo("visitor-01234567-1");
        assertThat(voice.identityOf(1)).isEqualTo("voice:visitor-01234567-1");
    }

    @Test
    void messagesGoRoundRobinAndEveryCustomersShareAddsUp() {
        assertThat(IntStream.range(0, 12).map(plan::customerOf)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
        // 25 messages over 10 customers: the first five send 3, the others 2.
        assertThat(IntStream.range(0, 10).map(plan::messagesFor)).containsExactly(3, 3, 3, 3, 3, 2, 2, 2, 2, 2);
        int[] counted = new int[10];
        IntStream.range(0, 25).forEach(m -> counted[plan.customerOf(m)]++);
        assertThat(counted).containsExactly(IntStream.range(0, 10).map(plan::messagesFor).toArray());
    }

    @Test
    void moreCustomersThanMessagesLeavesTheRestSilent() {
        LoadPlan sparse = new LoadPlan("01234567", 5, 3, List.of("chat"));

        assertThat(IntStream.range(0, 5).map(sparse::messagesFor)).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void everyAddressAndProviderMessageIdIsUniqueWithinAndAcrossRuns() {
        LoadPlan other = new LoadPlan("01234568", 1000, 2000, plan.channels());
        LoadPlan big = new LoadPlan("01234567", 1000, 2000, plan.channels());
        Set<String> identities = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (LoadPlan run : List.of(big, other)) {
            IntStream.range(0, run.customers()).forEach(c -> assertThat(identities.add(run.identityOf(c))).isTrue());
            IntStream.range(0, run.messages()).forEach(m -> assertThat(messageIds.add(run.providerMessageId(m))).isTrue());
        }
        assertThat(big.providerMessageId(17)).isEqualTo("bench-01234567-m17");
    }

    @Test
    void onlyEmailMessagesCarryASubject() {
        assertThat(plan.subjectOf(0)).isEqualTo("Where is my order? (0)");
        assertThat(plan.subjectOf(1)).isNull();
        assertThat(plan.subjectOf(14)).isEqualTo("Where is my order? (14)");
    }

    @Test
    void theTextMarkerIdentifiesTheRunsMessagesOnly() {
        assertThat(plan.textOf(7)).startsWith("[bench 01234567 #7] ").hasSizeGreaterThan(100);
        assertThat(plan.messageIn(plan.textOf(7))).hasValue(7);
        assertThat(plan.messageIn(new LoadPlan("07654321", 10, 25, plan.channels()).textOf(7))).isEmpty();
        assertThat(plan.messageIn("[bench 01234567 #25] beyond this run's messages")).isEmpty();
        assertThat(plan.messageIn("Hello, I need help")).isEmpty();
        assertThat(plan.messageIn(null)).isEmpty();
    }

    @Test
    void runIdsAreEightDigitsFromTheClock() {
        assertThat(LoadPlan.newRunId(Instant.ofEpochSecond(1_767_225_600L))).isEqualTo("67225600");
        assertThat(LoadPlan.newRunId(Instant.ofEpochSecond(42))).isEqualTo("00000042");
        assertThatThrownBy(() -> new LoadPlan("run-1", 1, 1, List.of("chat")))
                .hasMessageContaining("8 digits");
    }
}
