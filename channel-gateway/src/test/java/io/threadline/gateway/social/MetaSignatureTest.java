package io.threadline.gateway.social;

import io.threadline.gateway.social.meta.MetaSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The X-Hub-Signature-256 algorithm, checked against openssl's HMAC of the same bytes. */
class MetaSignatureTest {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    /** {@code printf '%s' '{"object":"page","entry":[]}' | openssl dgst -sha256 -hmac 'my-app-secret'} */
    private static final String OPENSSL = "sha256=efc6622a1e514411b7569a0f5886d4706df142ebfc80ed1e84dba7b7b5593e02";

    @Test
    void isTheHexHmacSha256OfTheRawBody() {
        assertThat(MetaSignature.of("my-app-secret", BODY)).isEqualTo(OPENSSL);
    }

    @Test
    void matchesOnlyTheSameSecretBodyAndPrefix() {
        assertThat(MetaSignature.matches(OPENSSL, "my-app-secret", BODY)).isTrue();
        assertThat(MetaSignature.matches(OPENSSL.toUpperCase().replace("SHA256=", "sha256="), "my-app-secret", BODY))
                .isTrue();
        assertThat(MetaSignature.matches(OPENSSL, "other-secret", BODY)).isFalse();
        assertThat(MetaSignature.matches(OPENSSL, "my-app-secret", " {\"object\":\"page\",\"entry\":[]}".getBytes(
                StandardCharsets.UTF_8))).isFalse();
        assertThat(MetaSignature.matches(OPENSSL.substring(7), "my-app-secret", BODY)).isFalse();
        assertThat(MetaSignature.matches("sha1=" + OPENSSL.substring(7), "my-app-secret", BODY)).isFalse();
        assertThat(MetaSignature.matches(null, "my-app-secret", BODY)).isFalse();
    }
}
