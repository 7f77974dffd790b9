package dev.learnflow.gateway.domain;

import dev.learnflow.contracts.domain.Role;
import dev.learnflow.platform.errors.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The verified caller of a gateway route, read from the access token. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;

    public UUID id() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new ApiException(401, "unauthorized", "Unauthorized", "A valid access token is required");
        }
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, "unauthorized", "Unauthorized", "The token subject is not a user id");
        }
    }

    public boolean is(Role role) {
        return identity.hasRole(role.value());
    }

    /** Comma-separated roles as passed on to backends. */
    public String rolesHeader() {
        return String.join(",", identity.getRoles());
    }
}
