package io.threadline.gateway.social.telegram;

import io.threadline.gateway.social.SocialConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** The configured bots, found by their name (the webhook's path) or by their id (a conversation's prefix). */
@ApplicationScoped
public class TelegramBots {

    /** One bot: its name in the configuration, its id (the token's part before the colon) and its secrets. */
    public record Bot(String name, String id, String token, String secretToken) {

        @Override
        public String toString() {
            return "Bot[" + name + ", id " + id + "]";
        }
    }

    private final List<Bot> bots;

    public TelegramBots(SocialConfig config) {
        this.bots = config.telegram().bots().entrySet().stream().map(e -> new Bot(e.getKey(),
                idOf(e.getValue().token()), e.getValue().token().strip(), e.getValue().secretToken())).toList();
    }

    public Optional<Bot> named(String name) {
        return bots.stream().filter(bot -> bot.name().equals(name)).findFirst();
    }

    public Optional<Bot> withId(String id) {
        return bots.stream().filter(bot -> bot.id().equals(id)).findFirst();
    }

    public List<Bot> all() {
        return bots;
    }

    /** A token is {@code <bot id>:<secret>}; the id is stable, unlike the name a configuration gives the bot. */
    static String idOf(String token) {
        String stripped = token.strip();
        int colon = stripped.indexOf(':');
        return colon > 0 ? stripped.substring(0, colon) : stripped;
    }
}
