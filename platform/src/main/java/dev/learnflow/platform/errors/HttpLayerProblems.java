package dev.learnflow.platform.errors;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Errors raised by the HTTP layer before any resource runs get the same RFC 7807 body as everything else instead
 * of an empty page. Oversized bodies are refused up front from Content-Length, before anything is read.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final Optional<MemorySize> maxBodySize;

    public HttpLayerProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isLongerThan(length, limit.asLongValue())) {
                ctx.response().putHeader("Connection", "close");
                write(ctx, 413, "payload-too-large", "Payload too large",
                        "The request body is larger than the " + limit.asLongValue() + " bytes this service accepts");
                return;
            }
            ctx.next();
        }));
        router.errorHandler(413, ctx -> write(ctx, 413, "payload-too-large", "Payload too large",
                "The request body is larger than this service accepts"));
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void write(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", Problems.TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(body.encode());
    }
}
