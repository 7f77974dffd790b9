package dev.learnflow.platform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.domain.Role;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.platform.dapr.DaprClients;
import dev.learnflow.platform.dapr.ServiceInvoker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Accounts from the gateway as notification reads them: through a real local sidecar to a WireMock gateway, under
 * the repository's Dapr access control; facts kept briefly, unknown ids and failures never kept.
 */
class UserDirectoryClientTest {

    private static final LocalSidecar SIDECAR = new LocalSidecar();
    private static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final Duration TTL = Duration.ofMillis(400);
    private static UserDirectoryClient users;

    @BeforeAll
    static void start() {
        SIDECAR.init(Map.of("appId", "notification"));
        SIDECAR.start();
        GATEWAY.start();
        LocalSidecar.startPeer("gateway", GATEWAY.port());
        users = new UserDirectoryClient(new ServiceInvoker(new DaprClients()), MAPPER, "gateway",
                Duration.ofSeconds(3), TTL);
    }

    @AfterAll
    static void stop() {
        SIDECAR.stop();
        GATEWAY.stop();
    }

    @BeforeEach
    void reset() {
        GATEWAY.resetAll();
    }

    @Test
    void anAccountIsAskedForOnceWhileItIsFresh() {
        UUID ada = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(okJson("{\"id\":\"" + ada + "\",\"role\":\"student\","
                + "\"displayName\":\"Ada\",\"timezone\":\"Europe/Berlin\",\"teacherId\":\"" + teacher + "\"}")));

        UserFacts facts = users.user(ada).orElseThrow();
        assertThat(facts).isEqualTo(new UserFacts(ada, Role.STUDENT, "Ada", "Europe/Berlin", teacher));
        assertThat(users.user(ada)).contains(facts);
        GATEWAY.verify(1, getRequestedFor(urlEqualTo("/internal/users/" + ada))
                .withHeader("dapr-caller-app-id", equalTo("notification")));

        await().atMost(Duration.ofSeconds(10)).pollDelay(TTL).untilAsserted(() -> {
            assertThat(users.user(ada)).contains(facts);
            GATEWAY.verify(2, getRequestedFor(urlEqualTo("/internal/users/" + ada)));
        });
    }

    @Test
    void anUnknownIdIsEmptyAndAskedForAgain() {
        UUID ghost = UUID.randomUUID();
        GATEWAY.stubFor(get("/internal/users/" + ghost).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        assertThat(users.user(ghost)).isEmpty();
        assertThat(users.user(ghost)).isEmpty();
        GATEWAY.verify(2, getRequestedFor(urlEqualTo("/internal/users/" + ghost)));
    }

    @Test
    void aClassIsAlwaysAskedFor() {
        UUID teacher = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        GATEWAY.stubFor(get("/internal/users/" + teacher + "/students").willReturn(okJson("{\"teacherId\":\""
                + teacher + "\",\"students\":[{\"id\":\"" + bob + "\",\"role\":\"student\",\"displayName\":\"Bob\","
                + "\"timezone\":\"UTC\",\"teacherId\":\"" + teacher + "\"}]}")));
        assertThat(users.studentsOf(teacher)).hasValueSatisfying(students ->
                assertThat(students).extracting(UserFacts::id).containsExactly(bob));
        assertThat(users.studentsOf(teacher).orElseThrow()).hasSize(1);
        GATEWAY.verify(2, getRequestedFor(urlEqualTo("/internal/users/" + teacher + "/students")));
        assertThat(users.studentsOf(UUID.randomUUID())).isEmpty(); // WireMock's 404: no such account
    }

    @Test
    void aGatewayThatFailsIsUnavailableAndNothingIsKept() {
        UUID ada = UUID.randomUUID();
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> users.user(ada)).isInstanceOf(UserDirectoryClient.Unavailable.class)
                .satisfies(e -> assertThat(((UserDirectoryClient.Unavailable) e).status()).isEqualTo(503));
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(aResponse().withStatus(500).withBody("boom")));
        assertThatThrownBy(() -> users.user(ada)).isInstanceOf(UserDirectoryClient.Unavailable.class)
                .hasMessageContaining("500");
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(okJson("not json")));
        assertThatThrownBy(() -> users.user(ada)).isInstanceOf(UserDirectoryClient.Unavailable.class);
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(okJson("{\"id\":\"" + ada + "\",\"role\":\"student\","
                + "\"displayName\":\"Ada\",\"timezone\":\"UTC\",\"teacherId\":null}")));
        assertThat(users.user(ada)).hasValueSatisfying(f -> assertThat(f.teacherId()).isNull());
    }

    @Test
    void anAppWithoutAGrantIsRefusedByTheGatewaysSidecar() {
        // debug may not read accounts (dapr/config.yaml): its sidecar's call is denied, which is no answer at all.
        UUID ada = UUID.randomUUID();
        GATEWAY.stubFor(get("/internal/users/" + ada).willReturn(okJson("{}")));
        assertThat(MeshPeers.get("debug", "gateway", "/internal/users/" + ada).statusCode()).isEqualTo(403);
        GATEWAY.verify(0, getRequestedFor(urlEqualTo("/internal/users/" + ada)));
    }
}
