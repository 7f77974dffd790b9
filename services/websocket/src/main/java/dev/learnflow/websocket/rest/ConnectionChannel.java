package dev.learnflow.websocket.rest;

import dev.learnflow.websocket.service.SocketChannel;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/** Adapts a websockets-next connection to the relay's transport interface. */
final class ConnectionChannel implements SocketChannel {

    private static final Logger LOG = Logger.getLogger(ConnectionChannel.class);
    private static final Buffer HEARTBEAT = Buffer.buffer("hb");

    private final WebSocketConnection connection;

    ConnectionChannel(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public CompletionStage<Void> sendText(String text) {
        return connection.sendText(text).subscribeAsCompletionStage();
    }

    @Override
    public void ping() {
        connection.sendPing(HEARTBEAT).subscribe().with(ok -> { },
                failure -> LOG.debugf("Ping to %s failed: %s", connection.id(), failure.getMessage()));
    }

    @Override
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { },
                failure -> LOG.debugf("Closing %s failed: %s", connection.id(), failure.getMessage()));
    }
}
