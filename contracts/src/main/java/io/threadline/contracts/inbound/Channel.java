package io.threadline.contracts.inbound;

import java.util.regex.Pattern;

/**
 * Channel names. The built-in ones are constants; integrators may use their own lowercase names
 * (for example {@code voice} or {@code line}) through the integrator API.
 */
public final class Channel {

    public static final String EMAIL = "email";
    public static final String CHAT = "chat";
    public static final String SMS = "sms";
    public static final String WHATSAPP = "whatsapp";
    public static final String MESSENGER = "messenger";
    public static final String INSTAGRAM = "instagram";
    public static final String TELEGRAM = "telegram";

    /** Lowercase letters, digits and dashes, starting with a letter: safe in keys and URLs. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    private Channel() {
    }

    public static boolean isValidName(String channel) {
        return channel != null && NAME.matcher(channel).matches();
    }

    /** The identity key {@code channel:address} used as Kafka key and customer lookup key. */
    public static String identityKey(String channel, String address) {
        return channel + ":" + normalizeAddress(channel, address);
    }

    /** Email addresses compare case-insensitively; other channels keep the provider's form. */
    public static String normalizeAddress(String channel, String address) {
        String trimmed = address.trim();
        return EMAIL.equals(channel) ? trimmed.toLowerCase(java.util.Locale.ROOT) : trimmed;
    }
}
