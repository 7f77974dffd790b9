package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The accounts of a test, as the services that read them see the gateway: a WireMock app {@code gateway} in the
 * test mesh ({@link MeshPeers}) answering {@code GET /internal/users/{id}} and
 * {@code GET /internal/users/{teacherId}/students} like the real one. Each account is also written to the
 * {@code users} table of the test database (as the gateway would have registered it), because other tables
 * reference it. {@link #outage()} makes the gateway fail until it is closed.
 */
public final class GatewayUsers {

    public static final String APP_ID = "gateway";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Accounts registered in this test JVM (this class loader), for the class rosters. */
    private static final Map<UUID, Account> ACCOUNTS = new ConcurrentHashMap<>();

    /** An account as {@code UserFacts} carries it. */
    public record Account(UUID id, String role, String displayName, String timezone, UUID teacherId) {
    }

    private GatewayUsers() {
    }

    /** The gateway stand-in in the current mesh (joins it on first use). */
    public static WireMockServer gateway() {
        return MeshPeers.peer(APP_ID);
    }

    public static UUID teacher() {
        return register("teacher", "Teacher", "UTC", null);
    }

    public static UUID admin() {
        return register("admin", "Admin", "UTC", null);
    }

    public static UUID student(UUID teacherId) {
        return student("Student", "UTC", teacherId);
    }

    public static UUID student(String timezone, UUID teacherId) {
        return student("Student", timezone, teacherId);
    }

    /** A student; the display name gets the id appended, so names stay unique. */
    public static UUID student(String name, String timezone, UUID teacherId) {
        return register("student", name, timezone, teacherId);
    }

    /** Registers an account (row + gateway answers) and returns its id. */
    public static synchronized UUID register(String role, String name, String timezone, UUID teacherId) {
        UUID id = UUID.randomUUID();
        Account account = new Account(id, role, name + " " + id, timezone, teacherId);
        insertRow(account);
        serve(account);
        return id;
    }

    /**
     * Makes the gateway answer only for the stand-in (not in the users table): the services must not find an
     * account by reading the table.
     */
    public static synchronized UUID onlyAtTheGateway(String role, String name, String timezone, UUID teacherId) {
        UUID id = UUID.randomUUID();
        serve(new Account(id, role, name + " " + id, timezone, teacherId));
        return id;
    }

    /** Until closed, every account request fails at the gateway (connection reset), as when it is down. */
    public static Outage outage() {
        WireMockServer gateway = gateway();
        StubMapping down = gateway.stubFor(get(urlPathMatching("/internal/users/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return () -> gateway.removeStub(down);
    }

    /** A gateway outage; closing it ends the outage. */
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    private static void serve(Account account) {
        ACCOUNTS.put(account.id(), account);
        WireMockServer gateway = gateway();
        gateway.stubFor(get(urlEqualTo("/internal/users/" + account.id())).atPriority(5)
                .willReturn(okJson(facts(account).toString())));
        if (!"student".equals(account.role())) {
            gateway.stubFor(get(urlEqualTo("/internal/users/" + account.id() + "/students")).atPriority(5)
                    .willReturn(okJson(roster(account.id()).toString())));
        } else if (account.teacherId() != null) {
            gateway.stubFor(get(urlEqualTo("/internal/users/" + account.teacherId() + "/students")).atPriority(5)
                    .willReturn(okJson(roster(account.teacherId()).toString())));
        }
    }

    private static ObjectNode roster(UUID teacherId) {
        List<Account> students = new ArrayList<>();
        ACCOUNTS.values().stream().filter(a -> "student".equals(a.role()) && teacherId.equals(a.teacherId()))
                .forEach(students::add);
        // The gateway's order: by name, then id (PostgreSQL compares uuids as bytes, like their text form).
        students.sort(Comparator.comparing(Account::displayName).thenComparing(a -> a.id().toString()));
        ObjectNode body = JSON.createObjectNode().put("teacherId", teacherId.toString());
        ArrayNode list = body.putArray("students");
        students.forEach(s -> list.add(facts(s)));
        return body;
    }

    private static ObjectNode facts(Account a) {
        ObjectNode node = JSON.createObjectNode().put("id", a.id().toString()).put("role", a.role())
                .put("displayName", a.displayName()).put("timezone", a.timezone());
        return a.teacherId() == null ? node.putNull("teacherId") : node.put("teacherId", a.teacherId().toString());
    }

    private static void insertRow(Account a) {
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.USER,
                TestDatabase.PASSWORD);
             PreparedStatement s = c.prepareStatement("insert into users (id, email, display_name, role, "
                     + "password_hash, timezone, teacher_id, teacher_code) values (?, ?, ?, ?, 'x', ?, ?, ?)")) {
            s.setObject(1, a.id());
            s.setString(2, a.role() + "-" + a.id() + "@test.learnflow.dev");
            s.setString(3, a.displayName());
            s.setString(4, a.role());
            s.setString(5, a.timezone());
            s.setObject(6, a.teacherId());
            s.setString(7, "teacher".equals(a.role()) ? "T" + a.id().toString().replace("-", "").substring(0, 12)
                    : null);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inserting the account into the test database", e);
        }
    }
}
