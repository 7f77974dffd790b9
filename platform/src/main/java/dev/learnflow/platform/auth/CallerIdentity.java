package dev.learnflow.platform.auth;

import dev.learnflow.platform.errors.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling a backend. The gateway verifies the JWT and passes the identity on in these headers through
 * the sidecars; backends never see the token itself.
 */
@RequestScoped
public class CallerIdentity {

    public static final String USER_HEADER = "x-learnflow-user";
    public static final String ROLES_HEADER = "x-learnflow-roles";

    private final Optional<UUID> userId;
    private final Set<String> roles;

    @Inject
    public CallerIdentity(HttpServerRequest request) {
        this(request.getHeader(USER_HEADER), request.getHeader(ROLES_HEADER));
    }

    CallerIdentity(String userHeader, String rolesHeader) {
        Optional<UUID> parsed;
        try {
            parsed = userHeader == null ? Optional.empty() : Optional.of(UUID.fromString(userHeader.trim()));
        } catch (IllegalArgumentException e) {
            parsed = Optional.empty();
        }
        this.userId = parsed;
        this.roles = rolesHeader == null ? Set.of() : Arrays.stream(rolesHeader.split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public UUID requireUser() {
        return userId.orElseThrow(() -> new ApiException(401, "unauthorized", "Unauthorized",
                "No authenticated caller"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Students reach only their own data; teachers and admins are checked further by the owning service. */
    public UUID requireSelfOrStaff(UUID subject) {
        UUID caller = requireUser();
        if (!caller.equals(subject) && !hasRole(Roles.TEACHER) && !hasRole(Roles.ADMIN)) {
            throw ApiException.forbidden("You can only access your own data");
        }
        return caller;
    }

    /** The headers that pass {@code user} with {@code roles} on to another service, as the gateway does. */
    public static Map<String, String> headersFor(UUID user, String... roles) {
        return Map.of(USER_HEADER, user.toString(), ROLES_HEADER, String.join(",", roles));
    }

    public Optional<UUID> userId() {
        return userId;
    }

    public Set<String> roles() {
        return roles;
    }
}
