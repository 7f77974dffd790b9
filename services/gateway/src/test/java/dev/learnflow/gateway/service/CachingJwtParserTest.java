package dev.learnflow.gateway.service;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.local.testing.ManualClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Remembered tokens skip the signature check; anything else, and anything expired, gets the full check. */
class CachingJwtParserTest {

    private final ManualClock clock = new ManualClock(Instant.now());
    private int fullChecks;
    private CachingJwtParser parser;
    private DefaultJWTParser verifier;

    @BeforeEach
    void parser() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(JwtTestKeys.keyPair().getPublic(), "https://learnflow.dev");
        context.setExpectedAudience(java.util.Set.of("learnflow-api"));
        verifier = new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                fullChecks++;
                return super.parse(token);
            }
        };
        parser = new CachingJwtParser(verifier, clock);
    }

    @Test
    void aVerifiedTokenIsCheckedOnceUntilItExpires() throws Exception {
        UUID user = UUID.randomUUID();
        String token = JwtTestKeys.accessToken(user, "student");

        assertThat(parser.parse(token).getSubject()).isEqualTo(user.toString());
        assertThat(parser.parse(token).getGroups()).containsExactly("student");
        assertThat(fullChecks).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16)); // past exp (15 minutes)
        parser.parse(token); // the real verifier (real time, clock skew) still takes it; it is not remembered again
        parser.parse(token);
        assertThat(fullChecks).isEqualTo(3);
        assertThat(parser.size()).isZero();
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRejected() throws Exception {
        String token = JwtTestKeys.accessToken(UUID.randomUUID(), "student");
        parser.parse(token);
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"student\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThat(fullChecks).isEqualTo(3); // failures are never remembered
        assertThat(parser.parse(token).getGroups()).containsExactly("student");
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        CachingJwtParser small = new CachingJwtParser(verifier, clock, 8);
        for (int i = 0; i < 20; i++) {
            small.parse(JwtTestKeys.accessToken(UUID.randomUUID(), "student"));
            assertThat(small.size()).isBetween(1, 8);
        }
    }
}
