package dev.learnflow.platform.state;

import io.dapr.client.DaprClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Where a service gets its typed views of the Dapr state store: {@code stateStores.of(Grant.class, "refresh-token:")}.
 * The store's name, the call timeout and the number of conflict retries come from configuration
 * ({@code learnflow.state.*}), once for all services.
 */
@ApplicationScoped
public class StateStores {

    /** The Dapr state store component every app uses unless configured otherwise (dapr/components, k8s). */
    public static final String DEFAULT_STORE = "statestore";

    private final DaprClient dapr;
    private final StateStore.Settings settings;

    @Inject
    public StateStores(DaprClient dapr,
                       @ConfigProperty(name = "learnflow.state.store-name", defaultValue = DEFAULT_STORE) String storeName,
                       @ConfigProperty(name = "learnflow.state.timeout", defaultValue = "5s") Duration timeout,
                       @ConfigProperty(name = "learnflow.state.conflict-attempts", defaultValue = "6") int attempts) {
        this.dapr = dapr;
        this.settings = new StateStore.Settings(storeName, timeout, Math.max(1, attempts));
    }

    /** Values of {@code type} under keys that start with {@code keyPrefix} (the prefix keeps kinds apart). */
    public <T> StateStore<T> of(Class<T> type, String keyPrefix) {
        return new StateStore<>(dapr, settings, type, keyPrefix);
    }

    /** Event or request ids already handled, remembered for {@code ttl} under {@code keyPrefix}. */
    public ProcessedEvents processedEvents(String keyPrefix, Duration ttl) {
        return new ProcessedEvents(of(String.class, keyPrefix), ttl);
    }

    public String storeName() {
        return settings.storeName();
    }
}
