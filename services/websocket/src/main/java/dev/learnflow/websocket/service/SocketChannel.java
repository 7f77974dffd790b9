package dev.learnflow.websocket.service;

import java.util.concurrent.CompletionStage;

/** The transport of one socket as the relay sees it; the WebSocket endpoint adapts its connection to this. */
public interface SocketChannel {

    String id();

    /** Hands a text frame to the socket; completes once it has been written to the network. Never blocks. */
    CompletionStage<Void> sendText(String text);

    /** Sends a ping frame (heartbeat); the client's pong shows it is alive. */
    void ping();

    /** Starts the closing handshake; the transport gives up on a peer that does not answer. */
    void close(int code, String reason);
}
