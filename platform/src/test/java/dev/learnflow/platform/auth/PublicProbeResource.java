package dev.learnflow.platform.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A public route (not sidecar-only), for the trust filter's tests. */
@Path("/probe")
public class PublicProbeResource {

    @GET
    public String probe() {
        return "ok";
    }
}
