package io.threadline.gateway.chat.socket;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.threadline.gateway.chat.visitor.ChatRefusal;
import io.threadline.gateway.chat.visitor.Visitor;
import io.threadline.gateway.chat.visitor.VisitorIdentification;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identifies the visitor of an accepted chat handshake and hands it to the connection. {@link ChatHandshakeFilter}
 * has refused bad handshakes with a problem already; this only re-checks (a token may expire in between).
 */
@ApplicationScoped
public class ChatUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Visitor> VISITOR = new UserData.TypedKey<>("chat.visitor");
    /** The widget's session id from the query ({@code session}), as given; checked when the socket opens. */
    static final UserData.TypedKey<String> REQUESTED_SESSION = UserData.TypedKey.forString("chat.requested-session");

    private final VisitorIdentification identification;

    public ChatUpgradeCheck(VisitorIdentification identification) {
        this.identification = identification;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ChatSocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        try {
            context.userData().put(VISITOR, identification.identify(context.httpRequest()));
            String session = context.httpRequest().getParam("session");
            if (session != null) {
                context.userData().put(REQUESTED_SESSION, session);
            }
            return CheckResult.permitUpgrade();
        } catch (ChatRefusal refusal) {
            return CheckResult.rejectUpgrade(refusal.status());
        }
    }
}
