package io.threadline.history.timeline.api;

import io.threadline.history.timeline.store.TimelinePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimelineCursorTest {

    private static final TimelinePosition POSITION = new TimelinePosition(Instant.parse("2025-03-02T09:14:05.880Z"),
            "evt:1/+é");

    @Test
    void decodesWhatItEncodesWithItsDirection() {
        String next = TimelineCursor.next(POSITION);
        String previous = TimelineCursor.previous(POSITION);
        assertThat(next).matches("[A-Za-z0-9_-]+");
        assertThat(TimelineCursor.decode(next)).isEqualTo(new TimelineCursor.Decoded(true, POSITION));
        assertThat(TimelineCursor.decode(previous)).isEqualTo(new TimelineCursor.Decoded(false, POSITION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "not base64!", "bm90LWEtY3Vyc29y" /* "not-a-cursor" */, "YToxMjM6" /* "a:123:" */,
            "eDoxMjM6ZTE" /* "x:123:e1" */})
    void rejectsWhatItDidNotEncode(String cursor) {
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineCursor.decode(cursor));
    }

    @Test
    void rejectsANonNumericTime() {
        String cursor = Base64.getUrlEncoder().encodeToString("a:yesterday:e1".getBytes(StandardCharsets.UTF_8));
        assertThatIllegalArgumentException().isThrownBy(() -> TimelineCursor.decode(cursor));
    }
}
