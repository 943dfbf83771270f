package io.threadline.ticket.ticket.threading;

import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.threadline.ticket.ticket.threading.OpenTicketScope.ANY_CHANNEL;
import static io.threadline.ticket.ticket.threading.OpenTicketScope.SAME_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

/** The open-ticket scope: the customer's latest ticket on any channel, or on the message's own channel. */
@ExtendWith(StandInMongo.class)
class OpenTicketsTest {

    private OpenTickets openTickets;

    @BeforeEach
    void freshDatabase(MongoDatabase database) {
        database.drop();
        openTickets = new OpenTickets(database);
    }

    @Test
    void anyChannelScopeFindsTheLatestTicketWhateverItsChannel() {
        openTickets.remember("c-1", "email", "t-email");
        openTickets.remember("c-1", "sms", "t-sms");

        assertThat(openTickets.of("c-1", "chat", ANY_CHANNEL)).contains("t-sms");
        assertThat(openTickets.of("c-1", "email", ANY_CHANNEL)).contains("t-sms");
    }

    @Test
    void sameChannelScopeFindsOnlyTheChannelsOwnTicket() {
        openTickets.remember("c-1", "email", "t-email");
        openTickets.remember("c-1", "sms", "t-sms");

        assertThat(openTickets.of("c-1", "email", SAME_CHANNEL)).contains("t-email");
        assertThat(openTickets.of("c-1", "chat", SAME_CHANNEL)).isEmpty();
        assertThat(openTickets.of("c-2", "email", SAME_CHANNEL)).isEmpty();
    }
}
