package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.Fixtures;
import io.dapr.client.DaprClient;
import io.dapr.client.domain.State;
import io.dapr.client.domain.StateOptions;
import io.dapr.client.domain.TransactionalStateOperation;
import io.dapr.exceptions.DaprException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * State API conformance, driven by the Dapr Java SDK (gRPC) and the HTTP API, against state.in-memory and
 * state.postgresql (the machine's PostgreSQL): ETags, first-write/last-write, delete with ETag, bulk get,
 * transactions, daprd's key prefix and table layout.
 */
class StateConformanceTest {

    static Sidecar sidecar;
    static DaprClient client;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Fixtures.components(Files.createTempDirectory("state-components"),
                "mem.yaml", Fixtures.inMemoryState("memstore", false),
                "pg.yaml", Fixtures.postgresState("pgstore", "dapr_state_conf", false));
        sidecar = Sidecar.start(SidecarOptions.builder("state-app").daprHttpPort(0).daprGrpcPort(0)
                .componentsDir(dir).env(Map.of()).build());
        client = Clients.dapr(sidecar);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        sidecar.stop();
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void saveGetDeleteRoundTripWithEtag(String store) {
        String k = key();
        client.saveState(store, k, Map.of("name", "ada", "n", 1)).block();
        State<JsonNode> s = client.getState(store, k, JsonNode.class).block();
        assertThat(s.getValue().path("name").asText()).isEqualTo("ada");
        assertThat(s.getEtag()).isNotBlank();

        // Absent key: no value, no ETag (HTTP: 204).
        State<JsonNode> missing = client.getState(store, key(), JsonNode.class).block();
        assertThat(missing.getValue()).isNull();
        assertThat(missing.getEtag()).isNull();

        client.deleteState(store, k).block();
        assertThat(client.getState(store, k, JsonNode.class).block().getValue()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void firstWriteConcurrencyRejectsStaleEtag(String store) {
        String k = key();
        StateOptions firstWrite = new StateOptions(StateOptions.Consistency.STRONG, StateOptions.Concurrency.FIRST_WRITE);
        client.saveState(store, k, "v1").block();
        String etag1 = client.getState(store, k, String.class).block().getEtag();

        // Writer A wins with the current ETag.
        client.saveState(store, k, etag1, "v2", firstWrite).block();
        String etag2 = client.getState(store, k, String.class).block().getEtag();
        assertThat(etag2).isNotEqualTo(etag1);

        // Writer B still holds etag1: rejected with gRPC ABORTED (daprd: ETag mismatch), value unchanged.
        assertThatThrownBy(() -> client.saveState(store, k, etag1, "v3", firstWrite).block())
                .isInstanceOf(DaprException.class).hasMessageContaining("ABORTED");
        assertThat(client.getState(store, k, String.class).block().getValue()).isEqualTo("v2");

        // A malformed ETag is INVALID_ARGUMENT.
        assertThatThrownBy(() -> client.saveState(store, k, "not-an-etag", "v4", firstWrite).block())
                .isInstanceOf(DaprException.class).hasMessageContaining("INVALID_ARGUMENT");

        // first-write without ETag on an existing key is refused too; on a new key it inserts. state.in-memory
        // reports an ETag mismatch (ABORTED); state.postgresql v1 a plain "no item was updated", which daprd
        // answers as INTERNAL: callers must treat both as a conflict.
        if (store.equals("pgstore")) {
            assertThatThrownBy(() -> client.saveState(store, k, null, "v5", firstWrite).block())
                    .isInstanceOf(DaprException.class).hasMessage("INTERNAL: failed saving state in state store "
                            + "pgstore: no item was updated");
        } else {
            assertThatThrownBy(() -> client.saveState(store, k, null, "v5", firstWrite).block())
                    .isInstanceOf(DaprException.class).hasMessageContaining("ABORTED");
        }
        assertThat(client.getState(store, k, String.class).block().getValue()).isEqualTo("v2");
        String fresh = key();
        client.saveState(store, fresh, null, "new", firstWrite).block();
        assertThat(client.getState(store, fresh, String.class).block().getValue()).isEqualTo("new");

        // last-write without ETag always wins.
        client.saveState(store, k, "v6").block();
        assertThat(client.getState(store, k, String.class).block().getValue()).isEqualTo("v6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void deleteWithEtag(String store) {
        String k = key();
        client.saveState(store, k, "x").block();
        String etag = client.getState(store, k, String.class).block().getEtag();
        client.saveState(store, k, "y").block();
        StateOptions fw = new StateOptions(null, StateOptions.Concurrency.FIRST_WRITE);
        assertThatThrownBy(() -> client.deleteState(store, k, etag, fw).block())
                .isInstanceOf(DaprException.class).hasMessageContaining("ABORTED");
        String current = client.getState(store, k, String.class).block().getEtag();
        client.deleteState(store, k, current, fw).block();
        assertThat(client.getState(store, k, String.class).block().getValue()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void transactionsAreAllOrNothing(String store) {
        String a = key();
        String b = key();
        String c = key();
        client.saveState(store, c, "to-delete").block();
        client.executeStateTransaction(store, List.of(
                new TransactionalStateOperation<>(TransactionalStateOperation.OperationType.UPSERT, new State<>(a, "A", (String) null)),
                new TransactionalStateOperation<>(TransactionalStateOperation.OperationType.UPSERT, new State<>(b, "B", (String) null)),
                new TransactionalStateOperation<>(TransactionalStateOperation.OperationType.DELETE, new State<>(c)))).block();
        List<State<String>> bulk = client.getBulkState(store, List.of(a, b, c), String.class).block();
        assertThat(bulk).extracting(State::getKey).containsExactly(a, b, c);
        assertThat(bulk).extracting(State::getValue).containsExactly("A", "B", null);

        // A stale ETag in the second operation aborts the whole transaction (daprd: ERR_STATE_TRANSACTION).
        String etagA = bulk.get(0).getEtag();
        client.saveState(store, b, "B2").block();
        String staleB = bulk.get(1).getEtag();
        assertThatThrownBy(() -> client.executeStateTransaction(store, List.of(
                new TransactionalStateOperation<>(TransactionalStateOperation.OperationType.UPSERT,
                        new State<>(a, "A2", etagA, new StateOptions(null, StateOptions.Concurrency.FIRST_WRITE))),
                new TransactionalStateOperation<>(TransactionalStateOperation.OperationType.UPSERT,
                        new State<>(b, "B3", staleB, new StateOptions(null, StateOptions.Concurrency.FIRST_WRITE)))))
                .block()).isInstanceOf(DaprException.class).hasMessageContaining("INTERNAL");
        assertThat(client.getState(store, a, String.class).block().getValue()).isEqualTo("A");
        assertThat(client.getState(store, b, String.class).block().getValue()).isEqualTo("B2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void httpApiEtagsAndStatusCodes(String store) throws Exception {
        String k = key();
        HttpResponse<String> save = Clients.http(sidecar, "POST", "/v1.0/state/" + store,
                "[{\"key\":\"" + k + "\",\"value\":{\"a\":1}}]", "Content-Type", "application/json");
        assertThat(save.statusCode()).isEqualTo(204);
        HttpResponse<String> get = Clients.http(sidecar, "GET", "/v1.0/state/" + store + "/" + k, null);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(Json.parse(get.body().getBytes()).path("a").asInt()).isEqualTo(1);
        String etag = get.headers().firstValue("ETag").orElseThrow();

        // Stale ETag on save → 409 ERR_STATE_SAVE, and on delete (If-Match) → 409 ERR_STATE_DELETE.
        HttpResponse<String> conflict = Clients.http(sidecar, "POST", "/v1.0/state/" + store,
                "[{\"key\":\"" + k + "\",\"value\":2,\"etag\":\"" + (Long.parseLong(etag) + 1000) + "\","
                        + "\"options\":{\"concurrency\":\"first-write\"}}]");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parse(conflict.body().getBytes()).path("errorCode").asText()).isEqualTo("ERR_STATE_SAVE");
        HttpResponse<String> delConflict = Clients.http(sidecar, "DELETE", "/v1.0/state/" + store + "/" + k, null,
                "If-Match", Long.toString(Long.parseLong(etag) + 1000));
        assertThat(delConflict.statusCode()).isEqualTo(409);
        assertThat(Json.parse(delConflict.body().getBytes()).path("errorCode").asText()).isEqualTo("ERR_STATE_DELETE");
        HttpResponse<String> del = Clients.http(sidecar, "DELETE", "/v1.0/state/" + store + "/" + k, null,
                "If-Match", etag);
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(Clients.http(sidecar, "GET", "/v1.0/state/" + store + "/" + k, null).statusCode()).isEqualTo(204);

        HttpResponse<String> tx = Clients.http(sidecar, "POST", "/v1.0/state/" + store + "/transaction",
                "{\"operations\":[{\"operation\":\"upsert\",\"request\":{\"key\":\"" + k + "\",\"value\":\"t\"}}]}");
        assertThat(tx.statusCode()).isEqualTo(204);
        HttpResponse<String> bulk = Clients.http(sidecar, "POST", "/v1.0/state/" + store + "/bulk",
                "{\"keys\":[\"" + k + "\",\"nope\"]}");
        JsonNode items = Json.parse(bulk.body().getBytes());
        assertThat(items.get(0).path("data").asText()).isEqualTo("t");
        assertThat(items.get(0).path("etag").asText()).isNotBlank();
        assertThat(items.get(1).has("data")).isFalse();
    }

    @Test
    void postgresFirstWriteConflictWithoutEtagAnswersAsDaprdDoesOverHttp() throws Exception {
        String k = key();
        String firstWrite = "[{\"key\":\"" + k + "\",\"value\":1,\"options\":{\"concurrency\":\"first-write\"}}]";
        assertThat(Clients.http(sidecar, "POST", "/v1.0/state/pgstore", firstWrite).statusCode()).isEqualTo(204);

        HttpResponse<String> again = Clients.http(sidecar, "POST", "/v1.0/state/pgstore", firstWrite);
        assertThat(again.statusCode()).isEqualTo(500);
        JsonNode error = Json.parse(again.body().getBytes());
        assertThat(error.path("errorCode").asText()).isEqualTo("ERR_STATE_SAVE");
        assertThat(error.path("message").asText())
                .isEqualTo("failed saving state in state store pgstore: no item was updated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memstore", "pgstore"})
    void aValueSavedWithATtlCarriesItsExpiryAsDaprdDoes(String store) throws Exception {
        String k = key();
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        client.saveBulkState(store, java.util.List.of(
                new State<>(k, "short-lived", null, Map.of("ttlInSeconds", "3600"), null))).block();
        String plain = key();
        client.saveState(store, plain, "forever").block();

        State<String> s = client.getState(store, k, String.class).block();
        java.time.Instant expires = java.time.Instant.parse(s.getMetadata().get("ttlExpireTime"));
        assertThat(expires).isBetween(before.plusSeconds(3599), before.plusSeconds(3700));
        assertThat(s.getMetadata().get("ttlExpireTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(client.getState(store, plain, String.class).block().getMetadata()).doesNotContainKey("ttlExpireTime");

        HttpResponse<String> get = Clients.http(sidecar, "GET", "/v1.0/state/" + store + "/" + k, null);
        assertThat(get.headers().firstValue("metadata.ttlExpireTime")).contains(s.getMetadata().get("ttlExpireTime"));
        HttpResponse<String> bulk = Clients.http(sidecar, "POST", "/v1.0/state/" + store + "/bulk",
                "{\"keys\":[\"" + k + "\",\"" + plain + "\"]}");
        JsonNode items = Json.parse(bulk.body().getBytes());
        assertThat(items.get(0).path("metadata").path("ttlExpireTime").asText())
                .isEqualTo(s.getMetadata().get("ttlExpireTime"));
        assertThat(items.get(1).has("metadata")).isFalse();
    }

    @Test
    void grpcMetadataListsComponentCapabilitiesAsHttpDoes() throws Exception {
        io.grpc.ManagedChannel channel = Clients.grpc(sidecar);
        try {
            var md = io.dapr.v1.DaprGrpc.newBlockingStub(channel)
                    .getMetadata(io.dapr.v1.DaprProtos.GetMetadataRequest.getDefaultInstance());
            Map<String, java.util.List<String>> grpcCaps = new java.util.TreeMap<>();
            md.getRegisteredComponentsList().forEach(c -> grpcCaps.put(c.getName(), c.getCapabilitiesList()));
            assertThat(grpcCaps.get("pgstore")).containsExactly("ETAG", "TRANSACTIONAL", "QUERY_API", "TTL");

            JsonNode http = Json.parse(Clients.http(sidecar, "GET", "/v1.0/metadata", null).body().getBytes());
            Map<String, java.util.List<String>> httpCaps = new java.util.TreeMap<>();
            http.path("components").forEach(c -> {
                java.util.List<String> caps = new java.util.ArrayList<>();
                c.path("capabilities").forEach(x -> caps.add(x.asText()));
                httpCaps.put(c.path("name").asText(), caps);
            });
            assertThat(grpcCaps).isEqualTo(httpCaps);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void unknownStoreAndBadKeysAreRejectedLikeDaprd() throws Exception {
        assertThatThrownBy(() -> client.getState("nope", "k", String.class).block())
                .isInstanceOf(DaprException.class).hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("state store nope is not found");
        HttpResponse<String> r = Clients.http(sidecar, "GET", "/v1.0/state/nope/k", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body().getBytes()).path("errorCode").asText()).isEqualTo("ERR_STATE_STORE_NOT_FOUND");
        HttpResponse<String> bad = Clients.http(sidecar, "GET", "/v1.0/state/memstore/a%7C%7Cb", null);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void postgresUsesDaprdTableLayoutAndKeyPrefix() throws Exception {
        // saveState() sends metadata contentType=application/json (the SDK does): stored as jsonb.
        String k = key();
        client.saveState("pgstore", k, Map.of("x", 1)).block();
        try (Connection c = Fixtures.db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, isbinary, value->>'x', xmin::text FROM dapr_state_conf "
                     + "WHERE key = 'state-app||" + k + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getString(3)).isEqualTo("1");
            assertThat(rs.getString(4)).isEqualTo(client.getState("pgstore", k, JsonNode.class).block().getEtag());
        }
        // Without that metadata the value is opaque bytes to daprd: base64 with isbinary = true (state.postgresql v1).
        String b = key();
        client.saveBulkState(new io.dapr.client.domain.SaveStateRequest("pgstore").setStates(
                new State<>(b, Map.of("x", 2), (String) null))).block();
        try (Connection c = Fixtures.db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT isbinary FROM dapr_state_conf WHERE key = 'state-app||" + b + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        assertThat(client.getState("pgstore", b, JsonNode.class).block().getValue().path("x").asInt()).isEqualTo(2);
    }
}
