package dev.learnflow.gateway.service;

import dev.learnflow.contracts.api.TokenResponse;
import dev.learnflow.contracts.domain.User;
import dev.learnflow.gateway.config.GatewayConfig;
import dev.learnflow.gateway.domain.RefreshGrant;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues short-lived RS256 access tokens (signed with the key at smallrye.jwt.sign.key.location) and opaque,
 * single-use refresh tokens that rotate on every refresh.
 */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayConfig.Tokens config;
    /**
     * Refresh tokens keyed by the SHA-256 of the token, so a leaked store reveals nothing usable; the TTL lets the
     * store forget unused ones on its own.
     */
    private final StateStore<RefreshGrant> refreshTokens;

    public TokenService(GatewayConfig config, StateStores stateStores) {
        this.config = config.tokens();
        this.refreshTokens = stateStores.of(RefreshGrant.class, "refresh-token:");
    }

    public TokenResponse issue(User user) {
        Instant now = Instant.now();
        String access = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(user.id().toString())
                .upn(user.email())
                .groups(Set.of(user.role().value()))
                .claim("name", user.displayName())
                .claim("tz", user.timezone())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTtl()))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        String refresh = newOpaqueToken();
        refreshTokens.saveIfUnchanged(hash(refresh), new RefreshGrant(user.id(), now.plus(config.refreshTtl())),
                null, config.refreshTtl());
        return TokenResponse.bearer(access, refresh, config.accessTtl().toSeconds());
    }

    /** Consumes a refresh token; the caller then issues a new pair (rotation). */
    public UUID redeem(String refreshToken) {
        return consume(hash(refreshToken))
                .map(RefreshGrant::userId)
                .orElseThrow(() -> new ApiException(401, "invalid-refresh-token", "Unauthorized",
                        "The refresh token is invalid, expired or already used"));
    }

    public void revoke(String refreshToken) {
        refreshTokens.delete(hash(refreshToken));
    }

    /**
     * Deletes the token with the ETag it was read with, so two concurrent refreshes with the same token cannot
     * both succeed; empty when it is unknown, expired or already used.
     */
    private Optional<RefreshGrant> consume(String tokenHash) {
        StateStore.Versioned<RefreshGrant> stored = refreshTokens.read(tokenHash);
        if (!stored.exists() || !refreshTokens.deleteIfUnchanged(tokenHash, stored.etag())) {
            return Optional.empty();
        }
        RefreshGrant grant = stored.value();
        return grant.expiresAt().isAfter(Instant.now()) ? Optional.of(grant) : Optional.empty();
    }

    private static String newOpaqueToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
