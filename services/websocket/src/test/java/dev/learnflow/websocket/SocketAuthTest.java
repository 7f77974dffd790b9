package dev.learnflow.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.testing.SocketClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sockets open only with a valid gateway access token, and are refused before the upgrade otherwise. */
@QuarkusTest
class SocketAuthTest {

    /** Refused with 401 before the upgrade; returns the challenge the refusal carries. */
    private static String challengeOf(String token, Map<String, String> headers) {
        WebSocketHandshakeException refused = SocketClient.refused(
                SocketClient.uri(token == null ? null : "access_token=" + token), headers);
        assertThat(refused.getResponse().statusCode()).isEqualTo(401);
        return refused.getResponse().headers().firstValue("WWW-Authenticate").orElse("");
    }

    @Test
    void noTokenIsRefusedWith401BeforeTheUpgrade() {
        assertThat(challengeOf(null, Map.of())).contains("Bearer").contains("invalid_request");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertThat(challengeOf(Tokens.signedByAnotherKey(UUID.randomUUID()), Map.of())).contains("invalid_token");
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        assertThat(challengeOf(Tokens.expired(UUID.randomUUID()), Map.of())).contains("token expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(challengeOf(Tokens.forAudience(UUID.randomUUID(), "someone-else"), Map.of()))
                .contains("invalid_token");
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefused() {
        assertThat(challengeOf(null, Map.of("Authorization", "Bearer not.a.jwt"))).contains("invalid_token");
    }

    @Test
    void aValidTokenInTheQueryOpensTheSocketForThatUser() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(Tokens.valid(user, "student"))) {
            JsonNode welcome = client.next();
            assertThat(welcome.path("type").asText()).isEqualTo("welcome");
            assertThat(welcome.path("payload").path("userId").asText()).isEqualTo(user.toString());
            assertThat(welcome.path("payload").path("roles").get(0).asText()).isEqualTo("student");
            assertThat(welcome.path("id").asText()).isNotBlank();
            assertThat(welcome.path("at").asText()).isNotBlank();
        }
    }

    @Test
    void aValidTokenInTheAuthorizationHeaderOpensTheSocket() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(SocketClient.uri(null),
                Map.of("Authorization", "Bearer " + Tokens.valid(user, "teacher")), List.of())) {
            assertThat(client.next().path("payload").path("userId").asText()).isEqualTo(user.toString());
        }
    }

    @Test
    void aBrowserCanCarryTheTokenAsASubprotocol() {
        UUID user = UUID.randomUUID();
        try (SocketClient client = SocketClient.connect(SocketClient.uri(null), Map.of(),
                List.of("learnflow.v1", "bearer." + Tokens.valid(user, "student")))) {
            assertThat(client.subprotocol()).isEqualTo("learnflow.v1");
            assertThat(client.next().path("payload").path("userId").asText()).isEqualTo(user.toString());
        }
    }
}
