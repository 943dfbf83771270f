package io.threadline.gateway.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.threadline.localstack.launcher.StackPorts;

import java.util.Map;

/**
 * GreenMail, a real SMTP and IMAP server in the test JVM: replies go to its SMTP port, and the gateway polls the
 * mailbox {@code support@acme.test} over IMAP. Tests get the server through {@link InjectGreenMail}.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String SUPPORT = "support@acme.test";
    public static final String SUPPORT_PASSWORD = "support-secret";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int smtp = StackPorts.freePort();
        int imap = StackPorts.freePort();
        greenMail = new GreenMail(new ServerSetup[]{new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        return Map.of(
                "threadline.gateway.email.smtp.host", "127.0.0.1",
                "threadline.gateway.email.smtp.port", String.valueOf(smtp),
                "threadline.gateway.email.imap.support.host", "127.0.0.1",
                "threadline.gateway.email.imap.support.port", String.valueOf(imap),
                "threadline.gateway.email.imap.support.ssl", "false",
                "threadline.gateway.email.imap.support.username", SUPPORT,
                "threadline.gateway.email.imap.support.password", SUPPORT_PASSWORD,
                "threadline.gateway.email.imap.support.address", SUPPORT,
                "threadline.gateway.email.imap.support.poll-interval", "1S");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
