package dev.learnflow.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** What the launcher prints while it waits for a service: the DOWN readiness checks with their data. */
class HealthTest {

    @Test
    void readinessDetailNamesTheDownChecksWithTheirData() throws Exception {
        String body = """
                {"status":"DOWN","checks":[
                  {"name":"sandbox","status":"DOWN","data":{"detail":"bwrap: not found","poolSize":2}},
                  {"name":"Database connections health check","status":"UP"}]}""";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        });
        server.start();
        try {
            assertThat(Health.readinessDetail(server.getAddress().getPort()))
                    .isEqualTo("DOWN sandbox: detail=bwrap: not found, poolSize=2");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void readyAndSilentServicesAreToldApart() {
        assertThat(Health.summarize(200, "{\"status\":\"UP\",\"checks\":[]}")).isEqualTo("ready");
        assertThat(Health.summarize(500, "<html>")).isEqualTo("HTTP 500");
        assertThat(Health.readinessDetail(dev.learnflow.local.infra.Ports.freePort())).isEqualTo("not answering yet");
    }
}
