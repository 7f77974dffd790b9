package dev.learnflow.gateway;

import dev.learnflow.local.testing.JwtTestKeys;
import dev.learnflow.gateway.service.CachingJwtParser;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static dev.learnflow.local.testing.ProblemResponse.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every forged or stale token is refused with 401 problem+json; the control token proves the route works. */
@QuarkusTest
class JwtAttackTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private Accounts.Account student;
    @Inject
    JWTParser parser;

    @BeforeEach
    void account() {
        student = Accounts.register("student");
    }

    @Test
    void controlTokenSignedByOurKeyIsAccepted() {
        assertAccepted(claims().sign(JwtTestKeys.keyPair().getPrivate()));
    }

    @Test
    void algNoneIsRejected() {
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + payloadOf(student.accessToken()) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payloadOf(student.accessToken());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(JwtTestKeys.publicKeyFile()), "HmacSHA256"));
        String signature = B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertRejected(signingInput + "." + signature);
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(claims().issuedAt(past.minusSeconds(900)).expiresAt(past).sign(JwtTestKeys.keyPair().getPrivate()));
    }

    @Test
    void notYetValidTokenIsRejected() {
        Instant future = Instant.now().plusSeconds(3600);
        assertRejected(claims().claim("nbf", future.getEpochSecond()).sign(JwtTestKeys.keyPair().getPrivate()));
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(claims().issuer("https://evil.example").sign(JwtTestKeys.keyPair().getPrivate()));
    }

    @Test
    void wrongAudienceIsRejected() {
        assertRejected(claims().audience("someone-else").sign(JwtTestKeys.keyPair().getPrivate()));
    }

    @Test
    void theGatewayRemembersVerifiedTokens() {
        // MpJwtValidator gets the JWTParser bean: the caching one, not smallrye's own
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
    }

    @Test
    void tamperedPayloadIsRejected() {
        assertAccepted(student.accessToken()); // the genuine token is now remembered; its tampered copy is not it
        String[] parts = student.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"student\"", "\"admin\"");
        assertRejected(parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey attackerKey = generator.generateKeyPair().getPrivate();
        assertRejected(claims().sign(attackerKey));
    }

    @Test
    void garbageAndMissingTokensAreRejected() {
        assertRejected("not.a.jwt");
        given().when().get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private JwtClaimsBuilder claims() {
        Instant now = Instant.now();
        return Jwt.issuer("https://learnflow.dev").audience("learnflow-api")
                .subject(student.id().toString()).groups(Set.of("student"))
                .issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static void assertRejected(String token) {
        given().auth().oauth2(token)
                .when().get("/api/v1/me")
                .then().spec(problem(401, "unauthorized"));
    }

    private void assertAccepted(String token) {
        given().auth().oauth2(token)
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("id", equalTo(student.id().toString()));
    }
}
