package dev.learnflow.platform.dapr;

import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Service invocation the way Dapr recommends: plain HTTP to our own sidecar with a {@code dapr-app-id} header
 * naming the target app. The sidecar finds the target, applies access control and forwards the call.
 */
@ApplicationScoped
public class ServiceInvoker {

    public static final String APP_ID_HEADER = "dapr-app-id";
    public static final String API_TOKEN_HEADER = "dapr-api-token";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final DaprClients dapr;

    @Inject
    public ServiceInvoker(DaprClients dapr) {
        this.dapr = dapr;
    }

    /** One call to another app: method is the path on the target, e.g. {@code "api/runs"}. */
    public record Call(String appId, String httpMethod, String path, String contentType, byte[] body,
                       Map<String, String> headers, Duration timeout) {
    }

    /** The target's reply as the sidecar relayed it. */
    public record Reply(int status, String contentType, byte[] body, Map<String, java.util.List<String>> headers) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public CompletableFuture<Reply> invoke(Call call) {
        String path = call.path().startsWith("/") ? call.path() : "/" + call.path();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dapr.sidecarHttpUrl() + path))
                .timeout(call.timeout())
                .header(APP_ID_HEADER, call.appId())
                .method(call.httpMethod(), call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        String token = dapr.apiToken();
        if (token != null && !token.isBlank()) {
            request.header(API_TOKEN_HEADER, token);
        }
        call.headers().forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Reply(r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(null), r.body(), r.headers().map()))
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof HttpTimeoutException) {
                        throw new ApiException(504, "gateway-timeout", "Upstream timeout",
                                call.appId() + " did not answer within " + call.timeout().toMillis() + " ms");
                    }
                    throw ApiException.unavailable(call.appId() + " is not reachable right now");
                });
    }
}
