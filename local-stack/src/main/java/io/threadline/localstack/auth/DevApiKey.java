package io.threadline.localstack.auth;

/**
 * The DEV-ONLY integrator API key that channel-gateway's shipped configuration accepts (integrator
 * {@code local-dev}); the demo and the end-to-end test send it in {@code X-Api-Key}. Production switches it off.
 */
public final class DevApiKey {

    public static final String HEADER = "X-Api-Key";
    public static final String VALUE = "tl-dev-only-integrator-key";

    private DevApiKey() {
    }
}
