package dev.learnflow.platform.llm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The LLM path is on only when an OpenAI-compatible endpoint and a key are configured
 * ({@code LEARNFLOW_LLM_BASE_URL}, {@code LEARNFLOW_LLM_API_KEY}); otherwise the offline tutor answers alone (and stays the fallback when the LLM fails).
 */
@ApplicationScoped
public class LlmSwitch {

    private final boolean enabled;

    public LlmSwitch(@ConfigProperty(name = "learnflow.llm.base-url") Optional<String> baseUrl,
                     @ConfigProperty(name = "learnflow.llm.api-key") Optional<String> apiKey) {
        this.enabled = baseUrl.filter(s -> !s.isBlank()).isPresent() && apiKey.filter(s -> !s.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled;
    }
}
