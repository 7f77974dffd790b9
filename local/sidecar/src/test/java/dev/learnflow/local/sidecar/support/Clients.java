package dev.learnflow.local.sidecar.support;

import dev.learnflow.local.sidecar.Sidecar;
import io.dapr.actors.client.ActorClient;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The official Dapr Java SDK pointed at one of our sidecars, plus a plain HTTP client for the HTTP API. */
public final class Clients {

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Clients() {
    }

    public static DaprClient dapr(Sidecar s) {
        return new DaprClientBuilder()
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(s.grpcPort()))
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(s.httpPort()))
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .build();
    }

    public static ActorClient actors(Sidecar s) {
        return new ActorClient(new Properties(Map.of("dapr.grpc.port", Integer.toString(s.grpcPort()),
                "dapr.http.port", Integer.toString(s.httpPort()))));
    }

    /** The raw gRPC API (for what the SDK does not call over gRPC); close the channel's owner when done. */
    public static io.grpc.ManagedChannel grpc(Sidecar s) {
        return io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", s.grpcPort()).usePlaintext().build();
    }

    public static HttpResponse<String> http(Sidecar s, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
