package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.domain.User;
import dev.learnflow.gateway.auth.Caller;
import dev.learnflow.gateway.service.AccountService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** The caller's own account, and a friendly pointer to the API docs. */
@Path("/")
@Tag(name = "account")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class MeResource {

    private final AccountService accounts;
    private final Caller caller;

    public MeResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("api/v1/me")
    @RolesAllowed({"student", "teacher", "admin"})
    @Operation(summary = "The logged-in account")
    public User me() {
        return accounts.me(caller.id());
    }

    @GET
    @Path("docs")
    @PermitAll
    @Operation(hidden = true)
    public Response docs() {
        return Response.seeOther(URI.create("/q/swagger-ui/")).build();
    }
}
