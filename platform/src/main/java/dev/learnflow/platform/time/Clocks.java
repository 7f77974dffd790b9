package dev.learnflow.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of a service (UTC), so "today" and "this week" are computed the same way everywhere. A default
 * bean: a test replaces it by producing its own {@link Clock} (or an {@code @Alternative}).
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
