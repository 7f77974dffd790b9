package dev.learnflow.websocket.config;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies {@code learnflow.websocket.socket-send-buffer-bytes} to the HTTP (and so WebSocket) listener. */
@ApplicationScoped
public class SocketBuffers implements HttpServerOptionsCustomizer {

    @Inject
    RelayConfig config;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(config.socketSendBufferBytes());
    }
}
