package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.SidecarScope;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.client.DaprPreviewClient;
import io.dapr.client.domain.QueryStateItem;
import io.dapr.client.domain.QueryStateResponse;
import io.dapr.client.domain.query.Pagination;
import io.dapr.client.domain.query.Query;
import io.dapr.client.domain.query.Sorting;
import io.dapr.client.domain.query.filters.AndFilter;
import io.dapr.client.domain.query.filters.EqFilter;
import io.dapr.client.domain.query.filters.InFilter;
import io.dapr.client.domain.query.filters.OrFilter;
import io.dapr.config.Properties;
import io.dapr.exceptions.DaprException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state query API (alpha: HTTP {@code /v1.0-alpha1/state/{store}/query}, gRPC QueryStateAlpha1, the Java
 * SDK's preview client) as state.postgresql v1 serves it — EQ/IN/AND/OR filters on JSON fields, sort, pages with
 * a token — and daprd's errors for a store that cannot query (state.in-memory) and for bad queries.
 */
class StateQueryConformanceTest {

    static final SidecarScope SCOPE = new SidecarScope();
    static Sidecar sidecar;
    static DaprPreviewClient preview;
    static DaprClient dapr;

    @BeforeAll
    static void start() throws Exception {
        try (var db = Fixtures.db(); var st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS query_state");
        }
        Path components = Fixtures.components(Files.createTempDirectory("query"), "pg.yaml",
                Fixtures.postgresState("pgstore", "query_state", false), "mem.yaml",
                Fixtures.inMemoryState("memstore", false));
        sidecar = SCOPE.sidecar(SidecarOptions.builder("students").componentsDir(components).env(Map.of()), null);
        dapr = SCOPE.client(sidecar);
        preview = SCOPE.add(new DaprClientBuilder()
                .withPropertyOverride(Properties.GRPC_PORT, Integer.toString(sidecar.grpcPort()))
                .withPropertyOverride(Properties.HTTP_PORT, Integer.toString(sidecar.httpPort()))
                .withPropertyOverride(Properties.SIDECAR_IP, "127.0.0.1")
                .buildPreviewClient());
        save("s1", "{\"name\":\"ada\",\"level\":\"advanced\",\"city\":{\"name\":\"Oslo\"}}");
        save("s2", "{\"name\":\"bob\",\"level\":\"beginner\",\"city\":{\"name\":\"Lima\"}}");
        save("s3", "{\"name\":\"cy\",\"level\":\"advanced\",\"city\":{\"name\":\"Lima\"}}");
        save("s4", "{\"name\":\"dee\",\"level\":\"beginner\",\"city\":{\"name\":\"Oslo\"}}");
    }

    static void save(String key, String json) throws Exception {
        HttpResponse<String> r = Clients.http(sidecar, "POST", "/v1.0/state/pgstore",
                "[{\"key\":\"" + key + "\",\"value\":" + json + "}]", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(204);
    }

    @AfterAll
    static void stop() throws Exception {
        SCOPE.close();
    }

    static List<String> keys(QueryStateResponse<Map> r) {
        return r.getResults().stream().map(QueryStateItem::getKey).toList();
    }

    @Test
    void theSdkQueriesWithFiltersSortAndPages() {
        Query byCity = new Query().setFilter(new EqFilter<>("city.name", "Oslo"))
                .setSort(List.of(new Sorting("name", Sorting.Order.DESC)));
        QueryStateResponse<Map> oslo = preview.queryState("pgstore", byCity, Map.class).block();
        assertThat(keys(oslo)).containsExactly("s4", "s1");
        assertThat(oslo.getResults().get(1).getValue()).containsEntry("name", "ada");
        assertThat(oslo.getResults().get(1).getEtag()).isNotBlank();

        Query advancedOrLima = new Query().setFilter(new OrFilter()
                        .addClause(new AndFilter().addClause(new EqFilter<>("level", "advanced"))
                                .addClause(new EqFilter<>("city.name", "Oslo")))
                        .addClause(new InFilter<>("name", "bob", "nobody")))
                .setSort(List.of(new Sorting("name", Sorting.Order.ASC)));
        assertThat(keys(preview.queryState("pgstore", advancedOrLima, Map.class).block())).containsExactly("s1", "s2");

        // Pages: the token is the next offset.
        Query paged = new Query().setFilter(new InFilter<>("level", "advanced", "beginner"))
                .setSort(List.of(new Sorting("name", Sorting.Order.ASC))).setPagination(new Pagination(3, null));
        QueryStateResponse<Map> first = preview.queryState("pgstore", paged, Map.class).block();
        assertThat(keys(first)).containsExactly("s1", "s2", "s3");
        assertThat(first.getToken()).isEqualTo("3");
        paged.setPagination(new Pagination(3, first.getToken()));
        QueryStateResponse<Map> second = preview.queryState("pgstore", paged, Map.class).block();
        assertThat(keys(second)).containsExactly("s4");
        assertThat(second.getToken()).isEqualTo("4");
    }

    @Test
    void theHttpApiAnswersResultsWithDataAndEtagOr204() throws Exception {
        HttpResponse<String> r = Clients.http(sidecar, "POST", "/v1.0-alpha1/state/pgstore/query",
                "{\"filter\":{\"EQ\":{\"name\":\"cy\"}}}", "Content-Type", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(body.path("results")).hasSize(1);
        assertThat(body.path("results").get(0).path("key").asText()).isEqualTo("s3");
        assertThat(body.path("results").get(0).path("data").path("city").path("name").asText()).isEqualTo("Lima");
        assertThat(body.path("results").get(0).path("etag").asText()).matches("\\d+");
        assertThat(body.has("token")).isFalse();

        assertThat(Clients.http(sidecar, "PUT", "/v1.0-alpha1/state/pgstore/query",
                "{\"filter\":{\"EQ\":{\"name\":\"nobody\"}}}").statusCode()).isEqualTo(204);
    }

    @Test
    void aStoreThatCannotQueryAndABadQueryAnswerAsDaprd() throws Exception {
        HttpResponse<String> memory = Clients.http(sidecar, "POST", "/v1.0-alpha1/state/memstore/query", "{}");
        assertThat(memory.statusCode()).isEqualTo(500);
        JsonNode m = Json.parse(memory.body().getBytes(StandardCharsets.UTF_8));
        assertThat(m.path("errorCode").asText()).isEqualTo("ERR_STATE_STORE_NOT_SUPPORTED");
        assertThat(m.path("message").asText()).isEqualTo("state store does not support querying");
        Query any = new Query().setFilter(new EqFilter<>("name", "ada"));
        assertThatThrownBy(() -> preview.queryState("memstore", any, Map.class).block())
                .isInstanceOfSatisfying(DaprException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo("INTERNAL");
                    assertThat(e.getMessage()).contains("state store does not support querying");
                });

        HttpResponse<String> twoOps = Clients.http(sidecar, "POST", "/v1.0-alpha1/state/pgstore/query",
                "{\"filter\":{\"EQ\":{\"name\":\"a\"},\"IN\":{\"name\":[\"b\"]}}}");
        assertThat(twoOps.statusCode()).isEqualTo(500);
        JsonNode t = Json.parse(twoOps.body().getBytes(StandardCharsets.UTF_8));
        assertThat(t.path("errorCode").asText()).isEqualTo("ERR_STATE_QUERY");
        assertThat(t.path("message").asText()).isEqualTo("state store pgstore query failed: failed to parse JSON "
                + "query body: filter unit must have a single element");

        HttpResponse<String> oneOr = Clients.http(sidecar, "POST", "/v1.0-alpha1/state/pgstore/query",
                "{\"filter\":{\"OR\":[{\"EQ\":{\"name\":\"a\"}}]}}");
        assertThat(Json.parse(oneOr.body().getBytes(StandardCharsets.UTF_8)).path("message").asText())
                .endsWith("OR filter must contain at least two entries");

        HttpResponse<String> badToken = Clients.http(sidecar, "POST", "/v1.0-alpha1/state/pgstore/query",
                "{\"page\":{\"limit\":1,\"token\":\"abc\"}}");
        assertThat(badToken.statusCode()).isEqualTo(500);
        assertThat(Json.parse(badToken.body().getBytes(StandardCharsets.UTF_8)).path("message").asText())
                .isEqualTo("state store pgstore query failed: strconv.ParseInt: parsing \"abc\": invalid syntax");
    }

    @Test
    void theStoreListsTheQueryFeatureInItsMetadata() throws Exception {
        JsonNode md = Json.parse(Clients.http(sidecar, "GET", "/v1.0/metadata", null).body()
                .getBytes(StandardCharsets.UTF_8));
        for (JsonNode c : md.path("components")) {
            if (c.path("name").asText().equals("pgstore")) {
                assertThat(c.path("capabilities").toString()).contains("QUERY_API");
            }
            if (c.path("name").asText().equals("memstore")) {
                assertThat(c.path("capabilities").toString()).doesNotContain("QUERY_API");
            }
        }
    }
}
