package dev.learnflow.websocket.config;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies {@code learnflow.websocket.socket-send-buffer-bytes} to the HTTP (and so WebSocket) listener. */
@ApplicationScoped
public class SocketBuffers implements HttpServerOptionsCustomizer {

    private final RelayConfig config;

    public SocketBuffers(RelayConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(config.socketSendBufferBytes());
    }
}
