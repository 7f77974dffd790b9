package dev.learnflow.local.sidecar;

import dev.learnflow.local.sidecar.actors.Schedules;
import dev.learnflow.local.sidecar.config.AccessControl;
import dev.learnflow.local.sidecar.config.DaprConfiguration;
import dev.learnflow.local.sidecar.config.Resources;
import dev.learnflow.local.sidecar.state.PostgresStateStore;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.Fixtures;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component and configuration loading (from the repository's own dapr/ files too), and time formats. */
class ConfigurationTest {

    static final Path REPO_COMPONENTS = Path.of("../../dapr/components");
    static final Path REPO_CONFIG = Path.of("../../dapr/config.yaml");

    @TempDir
    Path tmp;

    @Test
    void unknownComponentTypeFailsNamingTheFile() throws Exception {
        startFailsOn("redis.yaml",
                Fixtures.component("cache", "state.redis", "    - name: redisHost\n      value: localhost:6379\n"))
                .hasMessageContaining("cache").hasMessageContaining("state.redis")
                .hasMessageContaining("does not support");
    }

    @Test
    void missingRequiredMetadataAndSecretsFailClearly() throws Exception {
        startFailsOn("kafka.yaml", Fixtures.component("bus", "pubsub.kafka", "    - name: authType\n      value: none\n"))
                .hasMessageContaining("'brokers'");
        // The repository's components need their secrets from the environment (env-secrets).
        assertThatThrownBy(() -> Resources.load(REPO_COMPONENTS, "triage", "default", Map.of()))
                .isInstanceOf(SidecarConfigException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("env-secrets");
    }

    @Test
    void repositoryComponentsAndConfigLoadWithSecretsFromTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", Fixtures.kafka().bootstrapServers(),
                "LEARNFLOW_STATE_CONNECTION_STRING", Fixtures.pgConnectionString());
        Resources r = Resources.load(REPO_COMPONENTS, "progress", "default", env);
        assertThat(r.components()).extracting(c -> c.name() + ":" + c.type())
                .contains("kafka-pubsub:pubsub.kafka", "statestore:state.postgresql", "env-secrets:secretstores.local.env");
        assertThat(r.components().stream().filter(c -> c.name().equals("kafka-pubsub")).findFirst().orElseThrow()
                .get("consumerGroup")).isEqualTo("progress");
        DaprConfiguration cfg = DaprConfiguration.load(REPO_CONFIG);
        assertThat(cfg.accessControl()).isNotNull();
        assertThat(cfg.samplingRate()).isEqualTo(1.0);

        try (Sidecar s = Sidecar.start(SidecarOptions.builder("progress").daprHttpPort(0).daprGrpcPort(0)
                .componentsDir(REPO_COMPONENTS).configFile(REPO_CONFIG).env(env).build())) {
            var md = Json.parse(Clients.http(s, "GET", "/v1.0/metadata", null).body().getBytes());
            assertThat(md.path("id").asText()).isEqualTo("progress");
            assertThat(md.path("components").toString()).contains("kafka-pubsub").contains("statestore")
                    .contains("ACTOR");
            assertThat(s.actorStoreName()).isEqualTo("statestore");
            assertThat(Clients.http(s, "GET", "/v1.0/healthz", null).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void accessControlWildcardsBehaveLikeDaprd() throws Exception {
        var node = Json.MAPPER.readTree("""
                {"defaultAction":"deny","trustDomain":"public","policies":[
                  {"appId":"a","defaultAction":"deny","trustDomain":"public","namespace":"default","operations":[
                    {"name":"/one/*","httpVerb":["GET"],"action":"allow"},
                    {"name":"/many/**","httpVerb":["*"],"action":"allow"},
                    {"name":"/exact","httpVerb":["POST","PUT"],"action":"allow"},
                    {"name":"/glob/v*","httpVerb":["GET"],"action":"allow"}]},
                  {"appId":"b","defaultAction":"allow","trustDomain":"other","namespace":"default"}]}""");
        AccessControl acl = AccessControl.parse(node, "test");
        AccessControl.CallerIdentity a = new AccessControl.CallerIdentity("a", "public", "default");
        assertThat(acl.check(a, "/one/x", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/one/x/y", "GET").allowed()).isFalse();
        assertThat(acl.check(a, "/one/x", "POST").allowed()).isFalse();
        assertThat(acl.check(a, "/many/x/y/z", "DELETE").allowed()).isTrue();
        assertThat(acl.check(a, "/exact", "PUT").allowed()).isTrue();
        assertThat(acl.check(a, "/exact/", "PUT").allowed()).isTrue();
        assertThat(acl.check(a, "/exact", "GET").allowed()).isFalse();
        assertThat(acl.check(a, "/glob/v2", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/glob/w2", "GET").allowed()).isFalse();
        assertThat(acl.check(a, "/many/../exact", "GET").allowed()).isFalse();
        // Plain paths and those that need normalising (query, duplicate slashes, dot segments, escapes, case).
        assertThat(acl.check(a, "one/x", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/one/x?y=/z", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "//one//x/", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/one/./x", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/one/x y", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/ONE/X", "GET").allowed()).isTrue();
        assertThat(acl.check(a, "/one/x/../../exact", "PUT").allowed()).isTrue();
        assertThat(acl.check(a, "/../one/x", "GET").allowed()).isFalse();
        assertThat(acl.check(a, "/one/%zz", "GET").allowed()).isFalse();
        // Trust domain mismatch: the global default applies.
        assertThat(acl.check(new AccessControl.CallerIdentity("b", "public", "default"), "/x", "GET").allowed()).isFalse();
        assertThat(acl.check(new AccessControl.CallerIdentity("b", "other", "default"), "/x", "GET").allowed()).isTrue();
        assertThat(acl.check(new AccessControl.CallerIdentity("c", "public", "default"), "/x", "GET").allowed()).isFalse();
    }

    /** bulkSubscribe as daprd reads it, in a declarative v2alpha1 spec and a programmatic entry alike. */
    @Test
    void bulkSubscribeIsReadFromBothSubscriptionShapes() {
        var declarative = Resources.parseSubscription(Json.parse(("{\"pubsubname\":\"p\",\"topic\":\"t\","
                + "\"routes\":{\"default\":\"/in\"},\"bulkSubscribe\":{\"enabled\":true,"
                + "\"maxMessagesCount\":120,\"maxAwaitDurationMs\":40}}").getBytes()), "dapr.io/v2alpha1");
        assertThat(declarative.bulk()).isEqualTo(new dev.learnflow.local.sidecar.config.SubscriptionSpec.Bulk(120,
                Duration.ofMillis(40)));
        var defaults = Resources.parseSubscription(Json.parse(("{\"pubsubname\":\"p\",\"topic\":\"t\","
                + "\"route\":\"/in\",\"bulkSubscribe\":{\"enabled\":true}}").getBytes()), "");
        assertThat(defaults.bulk().maxMessagesCount()).isZero(); // the component's default applies
        var off = Resources.parseSubscription(Json.parse(("{\"pubsubname\":\"p\",\"topic\":\"t\","
                + "\"route\":\"/in\",\"bulkSubscribe\":{\"enabled\":false,\"maxMessagesCount\":9}}").getBytes()),
                "");
        assertThat(off.bulk()).isNull();
        assertThatThrownBy(() -> Resources.parseSubscription(Json.parse(("{\"pubsubname\":\"p\",\"topic\":\"t\","
                + "\"bulkSubscribe\":{\"enabled\":true,\"maxMessagesCount\":-1}}").getBytes()), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkSubscribe");
    }

    @Test
    void durationsInGoAndIsoFormats() {
        assertThat(Schedules.parseGoDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Schedules.parseGoDuration("0h0m5s0ms")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Schedules.parseGoDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Schedules.parseGoDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Schedules.parseInterval("PT5S").duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Schedules.parseInterval("P1DT2H").days()).isEqualTo(1);
        Schedules.Period p = Schedules.parsePeriod("R5/PT1M");
        assertThat(p.repetitions()).isEqualTo(5);
        assertThat(p.interval().duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Schedules.parsePeriod("")).isNull();
        assertThat(Schedules.parsePeriod("10s").repetitions()).isEqualTo(-1);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(Schedules.dueAt("", now)).isEqualTo(now);
        assertThat(Schedules.dueAt("2026-01-01T00:00:10Z", now)).isEqualTo(now.plusSeconds(10));
        assertThat(Schedules.dueAt("PT1M", now)).isEqualTo(now.plusSeconds(60));
        assertThatThrownBy(() -> Schedules.parseGoDuration("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postgresConnectionStringsInPgxForms() {
        var kv = PostgresStateStore.toJdbc("host=db port=5433 user=u password=p database=x connect_timeout=10");
        assertThat(kv.url()).isEqualTo("jdbc:postgresql://db:5433/x");
        assertThat(kv.props().getProperty("user")).isEqualTo("u");
        var url = PostgresStateStore.toJdbc("postgres://u:p%40ss@127.0.0.1:5432/learnflow?sslmode=disable");
        assertThat(url.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/learnflow");
        assertThat(url.props().getProperty("password")).isEqualTo("p@ss");
        assertThat(PostgresStateStore.toJdbc("jdbc:postgresql://h/db").url()).isEqualTo("jdbc:postgresql://h/db");
    }

    /** Starting a sidecar whose resources directory holds only this component file fails, naming the file. */
    private AbstractThrowableAssert<?, ? extends Throwable> startFailsOn(String file, String componentYaml)
            throws Exception {
        Path dir = Fixtures.components(tmp.resolve("components-" + file), file, componentYaml);
        return assertThatThrownBy(() -> Sidecar.start(SidecarOptions.builder("a").daprHttpPort(0).daprGrpcPort(0)
                .componentsDir(dir).env(Map.of()).build()))
                .isInstanceOf(SidecarConfigException.class).hasMessageContaining(file);
    }
}
