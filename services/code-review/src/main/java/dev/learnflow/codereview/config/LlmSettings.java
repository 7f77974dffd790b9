package dev.learnflow.codereview.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Whether an OpenAI-compatible LLM is configured. The review works fully without one; with
 * {@code LEARNFLOW_LLM_API_KEY} or {@code LEARNFLOW_LLM_BASE_URL} set, a narrative is added on top.
 */
@ApplicationScoped
public class LlmSettings {

    private final boolean enabled;

    @Inject
    public LlmSettings(@ConfigProperty(name = "learnflow.llm.api-key") Optional<String> apiKey,
                       @ConfigProperty(name = "learnflow.llm.base-url") Optional<String> baseUrl) {
        this.enabled = apiKey.filter(s -> !s.isBlank()).isPresent() || baseUrl.filter(s -> !s.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled;
    }
}
