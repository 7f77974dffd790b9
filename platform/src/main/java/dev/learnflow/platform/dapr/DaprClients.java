package dev.learnflow.platform.dapr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one place a service gets its Dapr client. The sidecar address comes from the standard Dapr variables
 * (DAPR_HTTP_PORT, DAPR_GRPC_PORT, DAPR_SIDECAR_IP, DAPR_API_TOKEN), set by daprd's injector or by our launcher.
 */
@ApplicationScoped
public class DaprClients {

    private final Properties daprProperties = new Properties();

    /** The app's JSON for everything it sends through Dapr (also what actor proxies and hosts use). */
    @Produces
    @Singleton
    JacksonDaprSerializer daprSerializer(ObjectMapper mapper) {
        return new JacksonDaprSerializer(mapper);
    }

    @Produces
    @Singleton
    DaprClient daprClient(JacksonDaprSerializer serializer) {
        return new DaprClientBuilder()
                .withObjectSerializer(serializer)
                .withStateSerializer(serializer)
                .build();
    }

    void close(@Disposes DaprClient client) throws Exception {
        client.close();
    }

    /** Base URL of the sidecar's HTTP API, e.g. {@code http://127.0.0.1:3500}. */
    public String sidecarHttpUrl() {
        String endpoint = daprProperties.getValue(Properties.HTTP_ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        }
        return "http://" + daprProperties.getValue(Properties.SIDECAR_IP) + ":"
                + daprProperties.getValue(Properties.HTTP_PORT);
    }

    /** The API token daprd expects from the app, if one is configured. */
    public String apiToken() {
        return daprProperties.getValue(Properties.API_TOKEN);
    }
}
