package dev.learnflow.local.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A test profile that only overrides configuration: {@code public static class Tiny extends ConfigOverrides {
 * public Tiny() { super(Map.of("a.b", "1")); } }} and {@code @TestProfile(Tiny.class)}.
 */
public abstract class ConfigOverrides implements QuarkusTestProfile {

    private final Map<String, String> overrides;

    protected ConfigOverrides(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}
