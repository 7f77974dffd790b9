package dev.learnflow.platform.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.ClassRoster;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.platform.dapr.ServiceInvoker;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accounts from the gateway, which owns them: {@code GET /internal/users/{id}} and
 * {@code GET /internal/users/{teacherId}/students} through our sidecar (Dapr access control on the gateway's
 * sidecar says who may). Facts of one account are kept for {@code learnflow.users.cache-ttl} (30 s): a student's
 * events come in bursts, and time zone and class change rarely. A class is asked for every time (a student who
 * just joined shows up at once). When the gateway cannot answer, {@link Unavailable}: a 503 problem on a
 * request, and a redelivery (RETRY) for an event, so nothing is lost.
 */
@ApplicationScoped
public class UserDirectoryClient {

    static final String USERS_PATH = "/internal/users/";
    /** Bounds the cache; past it, the cache starts over (a cheap bound, not an LRU). */
    private static final int MAX_CACHED = 10_000;
    private static final long GRACE_MS = 500;

    /** The gateway did not answer (down, slow, access denied, nonsense): try again later. */
    public static class Unavailable extends ApiException {
        public Unavailable(String detail) {
            super(503, "service-unavailable", "Service unavailable", detail);
        }
    }

    private record Cached(UserFacts facts, long expiresAtNanos) {
    }

    private final ServiceInvoker invoker;
    private final ObjectMapper mapper;
    private final String appId;
    private final Duration timeout;
    private final long ttlNanos;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public UserDirectoryClient(ServiceInvoker invoker, ObjectMapper mapper,
                               @ConfigProperty(name = "learnflow.users.app-id", defaultValue = "gateway") String appId,
                               @ConfigProperty(name = "learnflow.users.timeout", defaultValue = "PT3S")
                               Duration timeout,
                               @ConfigProperty(name = "learnflow.users.cache-ttl", defaultValue = "PT30S")
                               Duration cacheTtl) {
        this.invoker = invoker;
        this.mapper = mapper;
        this.appId = appId;
        this.timeout = timeout;
        this.ttlNanos = cacheTtl.toNanos();
    }

    /** The account, or empty when the gateway knows no such id. */
    public Optional<UserFacts> user(UUID id) {
        Cached cached = cache.get(id);
        if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
            return Optional.of(cached.facts());
        }
        Optional<UserFacts> facts = get(USERS_PATH + id, UserFacts.class);
        facts.ifPresent(f -> {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(id, new Cached(f, System.nanoTime() + ttlNanos));
        });
        return facts;
    }

    /** The students of {@code teacherId}'s class by name, or empty when the gateway knows no such account. */
    public Optional<List<UserFacts>> studentsOf(UUID teacherId) {
        return get(USERS_PATH + teacherId + "/students", ClassRoster.class).map(ClassRoster::students);
    }

    private <T> Optional<T> get(String path, Class<T> type) {
        ServiceInvoker.Reply reply;
        try {
            reply = invoker.invoke(new ServiceInvoker.Call(appId, "GET", path, null, null,
                            Map.of("Accept", "application/json"), timeout))
                    .get(timeout.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking " + appId + " for accounts");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Unavailable("accounts cannot be read right now (" + appId + ": " + cause.getMessage() + ")");
        }
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (reply.status() != 200) {
            throw new Unavailable("accounts cannot be read right now (" + appId + " answered " + reply.status()
                    + ": " + CodeExecutionClient.abbreviate(reply.bodyText()) + ")");
        }
        try {
            return Optional.of(mapper.readValue(reply.body(), type));
        } catch (IOException e) {
            throw new Unavailable("unreadable accounts from " + appId + ": " + e.getMessage());
        }
    }
}
