package dev.learnflow.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/** A short, memorable address for the API documentation. */
@Path("/docs")
@PermitAll
public class DocsResource {

    @GET
    @Operation(hidden = true)
    public Response docs() {
        return Response.seeOther(URI.create("/q/swagger-ui/")).build();
    }
}
