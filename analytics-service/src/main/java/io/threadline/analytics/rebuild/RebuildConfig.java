package io.threadline.analytics.rebuild;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the rebuild from the replay source ({@code threadline.analytics.rebuild.*}). */
@ConfigMapping(prefix = "threadline.analytics.rebuild")
public interface RebuildConfig {

    /** A bearer token with role admin accepted by the replay source (from a secret, never in the repository). */
    Optional<String> token();

    /** Events per page asked of the replay source. */
    @WithDefault("500")
    int pageSize();
}
