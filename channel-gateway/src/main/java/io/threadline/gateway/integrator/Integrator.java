package io.threadline.gateway.integrator;

import io.github.bucket4j.Bucket;

import java.util.Optional;
import java.util.Set;

/** A known caller of the integrator API, once its key matched: its name, its channels and its rate bucket. */
public record Integrator(String name, Optional<Set<String>> channels, Bucket bucket) {

    public boolean mayWriteTo(String channel) {
        return channels.map(allowed -> allowed.contains(channel)).orElse(true);
    }
}
