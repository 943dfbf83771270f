package io.threadline.history.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {

    private static final ObjectMapper STANDARD = ContractJson.newMapper();
    private static final ObjectMapper FAST = ContractJson.newMapper().registerModule(IsoInstants.module());

    @Test
    void writesAndReadsWhatTheStandardCodecDoesForAnyInstant() throws JsonProcessingException {
        Random random = new Random(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = min + (long) (random.nextDouble() * (max - min));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String standard = STANDARD.writeValueAsString(instant);
            assertThat(FAST.writeValueAsString(instant)).isEqualTo(standard);
            assertThat(IsoInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
            assertThat(FAST.readValue(standard, Instant.class)).isEqualTo(instant);
            assertThat(IsoInstants.parse(standard.substring(1, standard.length() - 1))).isEqualTo(instant);
        }
    }

    @Test
    void readsEveryFractionLength() throws JsonProcessingException {
        for (String text : List.of("2026-11-23T05:49:51Z", "2026-11-23T05:49:51.1Z", "2026-11-23T05:49:51.12Z",
                "2026-11-23T05:49:51.123Z", "2026-11-23T05:49:51.1234Z", "2026-11-23T05:49:51.123456789Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z")) {
            assertThat(FAST.readValue('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void handsEveryOtherFormToTheStandardDeserializer() throws JsonProcessingException {
        // Other forms the standard deserializer reads (an offset, epoch seconds, a leap second, a year beyond 9999,
        // an hour of 24) or refuses (a day that does not exist, a fraction of ten digits or none): the same outcome.
        for (String json : List.of("\"2026-11-23T07:49:51+02:00\"", "1795414837.5", "1795414837",
                "\"2016-12-31T23:59:60Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-11-23T24:00:00Z\"",
                "\"2026-02-30T00:00:00Z\"", "\"2026-11-23T05:49:51.1234567891Z\"", "\"2026-11-23T05:49:51.Z\"",
                "\"not a time\"")) {
            assertThat(outcome(FAST, json)).as(json).isEqualTo(outcome(STANDARD, json));
        }
        assertThat(IsoInstants.parse("2026-11-23T05:49:51.Z")).isNull();
        assertThat(IsoInstants.parse("2026-1a-23T05:49:51Z")).isNull();
    }

    private static Object outcome(ObjectMapper json, String text) {
        try {
            return json.readValue(text, Instant.class);
        } catch (JsonProcessingException e) {
            return e.getClass();
        }
    }
}
