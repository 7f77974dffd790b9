package dev.learnflow.websocket;

import dev.learnflow.local.testing.JwtTestKeys;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Access tokens as the gateway issues them ({@link JwtTestKeys#accessToken}) and broken ones. */
final class Tokens {

    static final String ISSUER = "https://learnflow.dev";
    static final String AUDIENCE = "learnflow-api";

    private Tokens() {
    }

    static String valid(UUID user, String role) {
        return JwtTestKeys.accessToken(user, role);
    }

    static String expired(UUID user) {
        Instant issued = Instant.now().minusSeconds(3600);
        return sign(claims(user, "student", issued, issued.plusSeconds(900)), JwtTestKeys.keyPair().getPrivate());
    }

    static String signedByAnotherKey(UUID user) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair foreign = generator.generateKeyPair();
            return sign(claims(user, "student", Instant.now(), Instant.now().plusSeconds(900)), foreign.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String forAudience(UUID user, String audience) {
        return Jwt.issuer(ISSUER).audience(audience).subject(user.toString()).groups(Set.of("student"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(900))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(JwtTestKeys.keyPair().getPrivate());
    }

    private static JwtClaimsBuilder claims(UUID user, String role, Instant issued, Instant expires) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(user.toString()).groups(Set.of(role))
                .issuedAt(issued).expiresAt(expires);
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
