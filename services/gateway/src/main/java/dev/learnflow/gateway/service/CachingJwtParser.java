package dev.learnflow.gateway.service;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access-token check of every request, with the tokens that passed it remembered until they expire.
 *
 * <p>A client sends the same access token with every request for its 15 minutes; verifying its RS256 signature
 * again each time was the largest single cost of a routed request in the gateway (issue 19's profile: ~0.5 ms of
 * CPU per request). A token is looked up by its exact text (header, claims and signature): any other text — a
 * changed claim, another signature, another algorithm — is not in here and gets the full check by smallrye-jwt,
 * as does a token whose {@code exp} has passed (it is then rejected or, within the allowed clock skew, checked
 * and remembered for the seconds it has left). Only tokens that passed are remembered. Nothing revokes an access
 * token before {@code exp} (logout revokes refresh tokens), so the answer for a remembered token is the one the
 * full check would give.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** A bound on memory (one entry per active token, a few KB each); past it, expired entries go, then all. */
    static final int MAX_ENTRIES = 4096;

    private record Verified(JsonWebToken token, long expiresAtEpochSecond) {
    }

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier, Clock clock) {
        this(verifier, clock, MAX_ENTRIES);
    }

    CachingJwtParser(DefaultJWTParser verifier, Clock clock, int maxEntries) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** What the gateway's authentication calls for every bearer token. */
    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(bearerToken);
        if (known != null) {
            if (now < known.expiresAtEpochSecond()) {
                return known.token();
            }
            verified.remove(bearerToken, known);
        }
        JsonWebToken token = verifier.parse(bearerToken);
        long exp = token.getExpirationTime();
        if (exp > now) {
            if (verified.size() >= maxEntries) {
                verified.values().removeIf(v -> v.expiresAtEpochSecond() <= now);
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
            }
            verified.put(bearerToken, new Verified(token, exp));
        }
        return token;
    }

    int size() {
        return verified.size();
    }

    // Everything else as smallrye-jwt does it, uncached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
