package dev.learnflow.websocket.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.api.Problem;
import dev.learnflow.platform.errors.Problems;
import dev.learnflow.websocket.domain.SocketCaller;
import dev.learnflow.websocket.service.MessageTypes;
import dev.learnflow.websocket.service.Relay;
import dev.learnflow.websocket.service.SocketSession;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;

/**
 * The socket clients connect to: {@code ws://host:8108/ws?access_token=<JWT>[&lastId=<id>]} (or the token in an
 * {@code Authorization} header or a {@code bearer.<JWT>} subprotocol). Authentication happened before the upgrade
 * ({@link SocketAuthentication}). Clients may send {@code {"type":"ping"}} and
 * {@code {"type":"resume","lastId":"..."}}; everything else the server sends is a relayed message.
 */
@WebSocket(path = "/ws")
public class RelaySocket {

    static final UserData.TypedKey<SocketSession> SESSION = new UserData.TypedKey<>("learnflow.session");
    private static final String CLIENT_MESSAGE_PROBLEM = "bad-socket-message";

    @Inject
    Relay relay;
    @Inject
    ObjectMapper mapper;

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        SocketCaller caller = connection.userData().get(SocketAuthentication.CALLER);
        if (caller == null) {
            // Cannot happen while the upgrade check is in place; never serve an anonymous socket anyway.
            connection.close(new CloseReason(1008, "unauthenticated")).subscribe().with(ok -> { }, f -> { });
            return;
        }
        SocketSession session = relay.newSession(new ConnectionChannel(connection), caller.userId(), caller.roles(),
                caller.expiresAt());
        connection.userData().put(SESSION, session);
        relay.open(session, connection.userData().get(SocketAuthentication.RESUME_FROM));
    }

    @OnTextMessage
    public void onText(WebSocketConnection connection, String text) {
        SocketSession session = connection.userData().get(SESSION);
        if (session == null) {
            return;
        }
        session.touch(System.nanoTime());
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (Exception e) {
            refuse(session, "The message is not JSON");
            return;
        }
        String type = message == null ? "" : message.path("type").asText("");
        switch (type) {
            case "ping" -> relay.reply(session, MessageTypes.PONG, message.path("id").asText(null), null);
            case "resume" -> {
                String lastId = message.path("lastId").asText("");
                if (lastId.isBlank() || lastId.length() > 200) {
                    refuse(session, "resume needs the lastId of the last message received");
                } else {
                    relay.resume(session, lastId);
                }
            }
            default -> refuse(session, "Unknown message type '" + abbreviate(type)
                    + "'; clients send only ping and resume");
        }
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        SocketSession session = connection.userData().get(SESSION);
        if (session != null) {
            session.touch(System.nanoTime());
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        SocketSession session = connection.userData().get(SESSION);
        if (session != null) {
            relay.close(session);
        }
    }

    private void refuse(SocketSession session, String detail) {
        relay.reply(session, MessageTypes.ERROR, null, Problem.of(Problems.TYPE_BASE + CLIENT_MESSAGE_PROBLEM,
                "Bad socket message", 400, detail));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
