package io.threadline.gateway.email.imap;

import io.threadline.gateway.email.EmailConfig;
import io.threadline.gateway.email.EmailInbound;
import io.threadline.gateway.email.mime.MalformedEmailException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads one IMAP mailbox: every message with a UID above the saved position, in UID order, published before the
 * position moves past it, so a crash repeats at most the message in flight (and the receipts catch that repeat)
 * and never skips one. A new UIDVALIDITY means the server renumbered the folder: it is read again from the start
 * and the receipts drop what was published before. Between rounds it waits in IDLE where the server has it,
 * re-checking at least every poll interval, else it sleeps the poll interval. The folder is opened read-only and
 * bodies are fetched with PEEK: the mailbox's read flags stay as the people using it left them.
 */
final class MailboxPoller implements Runnable {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    private final String name;
    private final EmailConfig.Mailbox mailbox;
    private final EmailInbound inbound;
    private final MailboxPositions positions;
    private final String replica;
    private final Session session;
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "imap-wakeup");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    private volatile Store store;

    MailboxPoller(String name, EmailConfig.Mailbox mailbox, EmailInbound inbound, MailboxPositions positions,
                  String replica) {
        this.name = name;
        this.mailbox = mailbox;
        this.inbound = inbound;
        this.positions = positions;
        this.replica = replica;
        this.session = Session.getInstance(properties(mailbox));
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (positions.lease(name, replica, lease())) {
                    poll();
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Mailbox %s: %s; retrying in %s", name, e.toString(), mailbox.pollInterval());
                }
            } finally {
                closeStore();
            }
            pause(mailbox.pollInterval());
        }
        try {
            positions.release(name, replica);
        } catch (RuntimeException e) {
            LOG.debugf("Mailbox %s: could not release the lease: %s", name, e);
        }
    }

    void stop() {
        running = false;
        wakeUps.shutdownNow();
        closeStore();
    }

    private void poll() throws MessagingException {
        store = session.getStore(mailbox.ssl() ? "imaps" : "imap");
        store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
        folder.open(Folder.READ_ONLY);
        boolean idle = store instanceof org.eclipse.angus.mail.imap.IMAPStore imap && imap.hasCapability("IDLE");
        long validity = folder.getUIDValidity();
        long lastUid = positions.position(name).filter(p -> {
            if (p.uidValidity() != validity) {
                LOG.warnf("Mailbox %s: UIDVALIDITY changed (%d -> %d), reading the folder again", name,
                        p.uidValidity(), validity);
            }
            return p.uidValidity() == validity;
        }).map(MailboxPositions.Position::lastUid).orElse(0L);
        while (running) {
            lastUid = publishNew(folder, validity, lastUid);
            if (!positions.lease(name, replica, lease())) {
                LOG.infof("Mailbox %s: lease taken by another replica", name);
                return;
            }
            waitForMail(folder, idle);
        }
    }

    private long publishNew(IMAPFolder folder, long validity, long lastUid) throws MessagingException {
        Message[] messages = folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(messages, profile);
        for (Message message : messages) {
            long uid = folder.getUID(message);
            // "n:*" always includes the highest message, even below n.
            if (uid <= lastUid || !running) {
                continue;
            }
            publish(message, uid);
            lastUid = uid;
            if (!positions.advance(name, replica, new MailboxPositions.Position(validity, lastUid))) {
                throw new IllegalStateException("lost the lease on mailbox " + name);
            }
        }
        return lastUid;
    }

    private void publish(Message message, long uid) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("could not read UID " + uid, e);
        }
        try {
            inbound.accept(raw.toByteArray(), mailbox.address().orElse(mailbox.username()));
        } catch (MalformedEmailException e) {
            // Never block the mailbox on one unreadable message; it stays on the server for a person to see.
            LOG.warnf("Mailbox %s: skipped unreadable message UID %d: %s", name, uid, e.getMessage());
        }
    }

    private void waitForMail(IMAPFolder folder, boolean idle) throws MessagingException {
        if (!idle) {
            pause(mailbox.pollInterval());
            folder.getMessageCount();
            return;
        }
        // Any other command on the folder ends the IDLE: this one makes sure it ends within the poll interval.
        ScheduledFuture<?> wakeUp = wakeUps.schedule(() -> {
            try {
                folder.getMessageCount();
            } catch (MessagingException | IllegalStateException e) {
                LOG.debugf("Mailbox %s: wake-up: %s", name, e);
            }
        }, mailbox.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wakeUp.cancel(false);
        }
    }

    private Duration lease() {
        return mailbox.pollInterval().multipliedBy(3).plusSeconds(30);
    }

    private void closeStore() {
        Store current = store;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException e) {
                LOG.debugf("Mailbox %s: close: %s", name, e);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Properties properties(EmailConfig.Mailbox mailbox) {
        Properties properties = new Properties();
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        String timeout = String.valueOf(mailbox.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".peek", "true");
        return properties;
    }
}
