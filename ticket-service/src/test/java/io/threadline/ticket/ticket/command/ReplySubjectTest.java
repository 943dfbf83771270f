package io.threadline.ticket.ticket.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplySubjectTest {

    @Test
    void prefixesReAndAddsTheTicketToken() {
        assertThat(ReplySubject.of("Order #4411", "TL-1001")).isEqualTo("Re: Order #4411 [#TL-1001]");
    }

    @Test
    void keepsAnExistingReAndToken() {
        assertThat(ReplySubject.of("RE: Order [#TL-1001]", "TL-1001")).isEqualTo("RE: Order [#TL-1001]");
    }

    @Test
    void withoutSubjectIsJustTheToken() {
        assertThat(ReplySubject.of(null, "TL-1001")).isEqualTo("[#TL-1001]");
        assertThat(ReplySubject.of("  ", "TL-1001")).isEqualTo("[#TL-1001]");
    }
}
