package dev.learnflow.websocket.rest;

import dev.learnflow.websocket.domain.SocketCaller;
import dev.learnflow.websocket.service.AccessTokens;
import dev.learnflow.websocket.service.InvalidTokenException;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Authenticates every socket before the HTTP upgrade: no valid access token, no socket (401 with an RFC 6750
 * {@code WWW-Authenticate} challenge naming the reason; a failed upgrade has no body a browser could read).
 * The verified caller travels to the endpoint in the connection's user data.
 */
@ApplicationScoped
public class SocketAuthentication implements HttpUpgradeCheck {

    public static final UserData.TypedKey<SocketCaller> CALLER = new UserData.TypedKey<>("learnflow.caller");
    /** Optional query parameter {@code lastId}: resume right away from the last message id the client saw. */
    public static final UserData.TypedKey<String> RESUME_FROM = UserData.TypedKey.forString("learnflow.resume-from");
    public static final String RESUME_PARAMETER = "lastId";

    @Inject
    AccessTokens tokens;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        // RSA verification (and the first read of the key file) stays off the event loop during connect storms;
        // the upgrade then continues on the connection's own event loop.
        Context eventLoop = Vertx.currentContext();
        Uni<CheckResult> checked = Uni.createFrom().item(() -> check(context))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return eventLoop == null ? checked : checked.emitOn(task -> eventLoop.runOnContext(ignored -> task.run()));
    }

    private CheckResult check(HttpUpgradeContext context) {
        try {
            String token = AccessTokens.presented(context.httpRequest())
                    .orElseThrow(InvalidTokenException::missing);
            SocketCaller caller = tokens.verify(token);
            context.userData().put(CALLER, caller);
            String resumeFrom = context.httpRequest().getParam(RESUME_PARAMETER);
            if (resumeFrom != null && !resumeFrom.isBlank() && resumeFrom.length() <= 200) {
                context.userData().put(RESUME_FROM, resumeFrom.trim());
            }
            return CheckResult.permitUpgradeSync();
        } catch (InvalidTokenException e) {
            return CheckResult.rejectUpgradeSync(401, Map.of("WWW-Authenticate", List.of(e.challenge())));
        }
    }
}
