package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.domain.User;
import dev.learnflow.gateway.domain.Caller;
import dev.learnflow.gateway.service.AccountService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account. */
@Path("/api/v1/me")
@Tag(name = "account")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class MeResource {

    @Inject
    AccountService accounts;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"student", "teacher", "admin"})
    @Operation(summary = "The logged-in account")
    public User me() {
        return accounts.me(caller.id());
    }
}
