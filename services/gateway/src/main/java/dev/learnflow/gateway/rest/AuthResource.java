package dev.learnflow.gateway.rest;

import dev.learnflow.contracts.api.LoginRequest;
import dev.learnflow.contracts.api.RefreshRequest;
import dev.learnflow.contracts.api.RegisterRequest;
import dev.learnflow.contracts.api.TokenResponse;
import dev.learnflow.contracts.domain.User;
import dev.learnflow.gateway.service.AccountService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts and tokens. Open routes: they are how a client gets a token in the first place. */
@Path("/api/v1/auth")
@Tag(name = "auth", description = "Register, log in, refresh and revoke tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Blocking
public class AuthResource {

    @Inject
    AccountService accounts;

    /** The new account and its first tokens. */
    public record RegisterResponse(User user, TokenResponse tokens) {
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create a student or teacher account and return tokens")
    public Response register(@Valid @NotNull RegisterRequest request) {
        AccountService.Registered registered = accounts.register(request);
        return Response.status(201).entity(new RegisterResponse(registered.user(), registered.tokens())).build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange email and password for tokens")
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        return accounts.login(request);
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; the old refresh token stops working")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Revoke a refresh token")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        accounts.logout(request.refreshToken());
        return Response.noContent().build();
    }
}
