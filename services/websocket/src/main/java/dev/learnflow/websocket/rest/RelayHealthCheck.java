package dev.learnflow.websocket.rest;

import dev.learnflow.websocket.service.Relay;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness with the numbers an operator wants to see: sockets and users on this replica. */
@Readiness
public class RelayHealthCheck implements HealthCheck {

    @Inject
    Relay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("websocket-relay").up()
                .withData("connections", relay.connections())
                .withData("connectedUsers", relay.connectedUsers())
                .withData("bufferedUsers", relay.bufferedUsers())
                .withData("bufferedBytes", relay.bufferedBytes());
        relay.serverCloses().forEach((why, count) -> response.withData("closed" + capitalized(why.label()), count));
        return response.build();
    }

    private static String capitalized(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
