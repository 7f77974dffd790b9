package dev.learnflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.learnflow.local.infra.PostgresDatabases;
import dev.learnflow.local.launcher.DbTarget;
import dev.learnflow.local.launcher.LauncherOptions;
import dev.learnflow.local.launcher.Mesh;
import dev.learnflow.local.launcher.ServiceDef;
import dev.learnflow.local.testing.SocketClient;

/**
 * The whole local mesh (embedded Kafka, a fresh database on the machine's PostgreSQL or an embedded one, ten
 * sidecars, ten service JVMs), started once for every test class of this module that uses the extension and
 * stopped when the test run ends: a mesh start costs minutes, so classes share it.
 *
 * <p>Tests are skipped (not failed) only when the services are not packaged, i.e. when run outside
 * {@code mvn verify}; {@code -Dlearnflow.mesh.test.skip=true} skips them on purpose.
 */
public final class LocalMesh implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final String GATEWAY = "http://127.0.0.1:8180";
    public static final String WEBSOCKET = "ws://127.0.0.1:8108/ws";
    private static final String DB_NAME = "learnflow_e2e";

    private static LocalMesh instance;
    /** The careless LLM every service uses when {@code -Dlearnflow.e2e.llm=true}; null for the offline tutor. */
    private static CarelessModel llm;
    private static TcpProxy databaseLink;

    private final DbTarget db;
    private final Mesh mesh;

    private LocalMesh(DbTarget db, Mesh mesh) {
        this.db = db;
        this.mesh = mesh;
    }

    /** A user's live connection to the websocket service, once it has been welcomed. */
    public static SocketClient socket(Api.User user) throws InterruptedException {
        SocketClient socket = SocketClient.connect(URI.create(WEBSOCKET), Map.of(),
                List.of("learnflow.v1", "bearer." + user.accessToken()));
        try {
            socket.await(m -> "welcome".equals(m.path("type").asText()), Duration.ofSeconds(10));
        } catch (AssertionError | InterruptedException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** JUnit creates the extension through this; the real work happens once, in {@link #beforeAll}. */
    public LocalMesh() {
        this(null, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("learnflow.mesh.test.skip"),
                "-Dlearnflow.mesh.test.skip");
        synchronized (LocalMesh.class) {
            if (instance == null) {
                instance = start();
                // Closed by JUnit after the last test of the run (root store), not after this class.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LocalMesh.class, instance);
            }
        }
    }

    /** The running mesh (after the extension's beforeAll). */
    public static LocalMesh get() {
        if (instance == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(LocalMesh.class)");
        }
        return instance;
    }

    public Mesh mesh() {
        return mesh;
    }

    public DbTarget db() {
        return db;
    }

    /** Files the tests leave for people to look at (screenshots, timings), under this module's target/. */
    public static Path artifacts(String name) throws IOException {
        Path dir = Path.of("target", "e2e-artifacts", name).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    private static LocalMesh start() throws IOException {
        Path root = repoRoot();
        List<String> missing = ServiceDef.ALL.stream().map(s -> s.jar(root)).filter(j -> !Files.isRegularFile(j))
                .map(Path::toString).toList();
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isEmpty(),
                "services not packaged (run mvn verify): " + missing);
        // One directory per run: a later run (or another test JVM) must not delete the logs of a failed one.
        Path state = Path.of("target", "mesh", java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        deleteRecursively(state);
        DbTarget db = database();
        LauncherOptions.Builder options = LauncherOptions.builder(root)
                .stateDir(state)
                .kafkaPorts(0, 0)
                .db(db)
                .demoAccounts(false)
                // The sweeps send hundreds of requests per user; rate limiting itself is tested in the gateway.
                .serviceEnv("gateway", "LEARNFLOW_GATEWAY_RATE_LIMIT_CAPACITY", "5000")
                .serviceEnv("gateway", "LEARNFLOW_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND", "500")
                .healthTimeout(Duration.ofMinutes(6));
        if (Boolean.getBoolean("learnflow.e2e.llm")) {
            llm = new CarelessModel();
            options.serviceEnv("LEARNFLOW_LLM_BASE_URL", llm.baseUrl())
                    .serviceEnv("LEARNFLOW_LLM_API_KEY", "e2e-careless-model")
                    .serviceEnv("LEARNFLOW_LLM_MODEL", "careless");
        }
        LauncherOptions built = options.build();
        for (int attempt = 1; ; attempt++) {
            try {
                return new LocalMesh(db, Mesh.start(built));
            } catch (IllegalStateException e) {
                // A port briefly held by a closing connection (or a mesh of an earlier test JVM still stopping).
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("ports already in use")) {
                    throw e;
                }
                sleepSeconds(15);
            }
        }
    }

    /** The careless model the services talk to, when the run switched the LLM path on. */
    public static java.util.Optional<CarelessModel> llm() {
        return java.util.Optional.ofNullable(llm);
    }

    @Override
    public void close() {
        mesh.close();
        if (llm != null) {
            llm.close();
        }
        if (databaseLink != null) {
            try {
                databaseLink.close();
            } catch (IOException e) {
                // nothing left to relay
            }
            databaseLink = null;
        }
        if (!db.embedded()) {
            String host = System.getProperty("learnflow.test.db.host", "127.0.0.1");
            PostgresDatabases.dropDatabase(host, 5432, db.user(), db.password(), db.name());
        }
        instance = null;
    }

    /**
     * The machine's PostgreSQL, reached through {@link #databaseLink()} so fault tests can cut the connection; an
     * embedded one (without the link) where there is none.
     */
    private static DbTarget database() throws IOException {
        String host = System.getProperty("learnflow.test.db.host", "127.0.0.1");
        if (PostgresDatabases.isReachable(host, 5432, "postgres", "")) {
            PostgresDatabases.dropDatabase(host, 5432, "postgres", "", DB_NAME);
            databaseLink = new TcpProxy(host, 5432);
            return DbTarget.external("127.0.0.1", databaseLink.port(), DB_NAME, "postgres", "");
        }
        return DbTarget.embedded(0);
    }

    /** The relay every service and sidecar reaches PostgreSQL through; empty with an embedded database. */
    public static java.util.Optional<TcpProxy> databaseLink() {
        return java.util.Optional.ofNullable(databaseLink);
    }

    /** The repository whose packaged services the mesh runs. */
    public static Path repoRoot() {
        return dev.learnflow.local.launcher.RepoRoot.find();
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
