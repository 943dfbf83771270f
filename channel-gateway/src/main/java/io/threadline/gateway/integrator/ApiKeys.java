package io.threadline.gateway.integrator;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.runtime.StartupEvent;
import io.threadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The integrators' API keys, known only by their SHA-256. A plain hash (no salt, no slow KDF) fits because keys
 * are long random tokens, not passwords: nobody can guess one from its hash, and checking costs a microsecond
 * per request. Each key gets its own token bucket, in this replica's memory.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** The DEV-ONLY key whose hash application.properties configures, to warn while it is accepted. */
    static final String DEV_KEY = "tl-dev-only-integrator-key";

    private final Map<String, Integrator> byKeyHash = new HashMap<>();

    public ApiKeys(GatewayConfig config) {
        config.integrators().forEach((name, integrator) -> {
            if (!integrator.enabled()) {
                return;
            }
            String hash = integrator.keySha256().trim().toLowerCase(java.util.Locale.ROOT);
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException("threadline.gateway.integrators." + name
                        + ".key-sha256 must be 64 hex digits (the SHA-256 of the key, e.g. from sha256sum)");
            }
            if (integrator.ratePerSecond() < 1 || integrator.burst() < 1) {
                throw new IllegalArgumentException("threadline.gateway.integrators." + name
                        + ": rate-per-second and burst must be at least 1");
            }
            Integrator previous = byKeyHash.put(hash, new Integrator(name, integrator.channels(),
                    bucket(integrator.ratePerSecond(), integrator.burst())));
            if (previous != null) {
                throw new IllegalArgumentException("Integrators " + previous.name() + " and " + name
                        + " have the same API key");
            }
        });
    }

    void warnAboutTheDevKey(@Observes StartupEvent startup) {
        if (byKeyHash.isEmpty()) {
            LOG.warn("No integrator API key is configured: every call to /api/v1/inbound/messages gets 401");
        } else if (byKeyHash.containsKey(sha256(DEV_KEY))) {
            LOG.warn("The DEV-ONLY integrator key is accepted. Configure your own keys and set "
                    + "THREADLINE_GATEWAY_INTEGRATORS_LOCAL_DEV_ENABLED=false outside a local stack.");
        }
    }

    /** The integrator holding this key, if any. */
    public Optional<Integrator> find(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey.trim())));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Bucket bucket(long perSecond, long burst) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
