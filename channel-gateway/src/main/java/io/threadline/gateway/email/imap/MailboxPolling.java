package io.threadline.gateway.email.imap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.threadline.gateway.email.EmailConfig;
import io.threadline.gateway.email.EmailInbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Starts one poller thread per configured, enabled IMAP mailbox, and stops them at shutdown. */
@ApplicationScoped
public class MailboxPolling {

    private final EmailConfig config;
    private final EmailInbound inbound;
    private final MailboxPositions positions;
    /** Names this replica in the mailbox leases. */
    private final String replica = UUID.randomUUID().toString();
    private final List<MailboxPoller> pollers = new ArrayList<>();

    public MailboxPolling(EmailConfig config, EmailInbound inbound, MailboxPositions positions) {
        this.config = config;
        this.inbound = inbound;
        this.positions = positions;
    }

    void onStart(@Observes StartupEvent startup) {
        start();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** Starts polling every enabled mailbox (leases decide which replica actually reads each). */
    public synchronized void start() {
        config.imap().forEach((name, mailbox) -> {
            if (mailbox.enabled()) {
                MailboxPoller poller = new MailboxPoller(name, mailbox, inbound, positions, replica);
                pollers.add(poller);
                Thread thread = new Thread(poller, "imap-" + name);
                thread.setDaemon(true);
                thread.start();
            }
        });
    }

    /** Stops polling; each poller releases its lease so another replica can take over at once. */
    public synchronized void stop() {
        pollers.forEach(MailboxPoller::stop);
        pollers.clear();
    }
}
