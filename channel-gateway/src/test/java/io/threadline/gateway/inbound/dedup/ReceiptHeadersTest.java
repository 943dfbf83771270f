package io.threadline.gateway.inbound.dedup;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptHeadersTest {

    @Test
    void aReceiptSurvivesTheHeaderToTheNanosecond() {
        Receipt receipt = new Receipt("email:<CAF 1x9@mail.example.com>", Instant.parse("2026-11-22T16:23:34.584123456Z"),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

        assertThat(ReceiptHeaders.read(ReceiptHeaders.of(receipt))).contains(receipt);
    }

    @Test
    void aWebhookReceiptHasNoFingerprint() {
        Receipt receipt = new Receipt("sms:SM8f2c0e", Instant.parse("1969-12-31T23:59:59.5Z"), null);

        assertThat(ReceiptHeaders.read(ReceiptHeaders.of(receipt))).contains(receipt);
    }

    @Test
    void recordsWithoutOrWithADamagedReceiptAreSkipped() {
        assertThat(ReceiptHeaders.read(new RecordHeaders())).isEmpty();
        for (String damaged : new String[]{"", "12", "12 -", "12 - ", "x - sms:1"}) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(ReceiptHeaders.RECEIPT, damaged.getBytes(StandardCharsets.UTF_8));
            assertThat(ReceiptHeaders.read(headers)).as(damaged).isEmpty();
        }
    }
}
