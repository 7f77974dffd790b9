package dev.learnflow.websocket.service;

import dev.learnflow.websocket.domain.SocketCaller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and verifies the gateway's access tokens (RS256; key, issuer, audience and clock skew from
 * {@code mp.jwt.verify.*}, the same settings the gateway verifies with).
 *
 * <p>Where a socket client puts its token: browsers cannot set headers on a WebSocket, so the query parameter
 * {@code access_token} is accepted, as is a subprotocol {@code bearer.<token>} offered next to
 * {@code learnflow.v1} (keeps the token out of access logs); other clients send {@code Authorization: Bearer}.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String QUERY_PARAMETER = "access_token";
    public static final String SUBPROTOCOL_PREFIX = "bearer.";
    /** Far larger than any token the gateway issues; anything longer is not parsed at all. */
    static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    JWTParser parser;

    /** The token the client presented, header first, then subprotocol, then query parameter. */
    public static Optional<String> presented(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return nonBlank(authorization.substring(7));
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols != null) {
            for (String protocol : protocols.split(",")) {
                String p = protocol.trim();
                if (p.startsWith(SUBPROTOCOL_PREFIX)) {
                    return nonBlank(p.substring(SUBPROTOCOL_PREFIX.length()));
                }
            }
        }
        return nonBlank(request.getParam(QUERY_PARAMETER));
    }

    /** Verifies signature, expiry, issuer and audience; the subject must be a user id. */
    public SocketCaller verify(String token) throws InvalidTokenException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw InvalidTokenException.invalid("token too long");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw InvalidTokenException.invalid(hasExpired(e) ? "token expired" : "token not valid");
        }
        UUID userId;
        try {
            userId = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidTokenException.invalid("token subject is not a user");
        }
        Set<String> roles = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        Instant expiresAt = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()) : null;
        return new SocketCaller(userId, roles, expiresAt);
    }

    private static boolean hasExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
