package dev.learnflow.websocket;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client written by hand on a plain TCP socket, for the misbehaving clients a real library would not
 * imitate: one that never reads (a slow consumer) and one that never answers pings (a dead peer).
 */
final class RawSocket implements AutoCloseable {

    static final int OP_TEXT = 0x1;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;

    /** One frame as the server sent it (servers never mask). */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }

    private final Socket socket;
    private final InputStream in;

    private RawSocket(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /**
     * Opens a socket and completes the upgrade. A small receive buffer makes a client that does not read stall
     * the server's writes quickly, as a slow phone on a bad network would.
     */
    static RawSocket open(int port, String pathAndQuery, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String head = readHead(in);
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(head));
        }
        return new RawSocket(socket, in);
    }

    /** The next frame; throws EOFException when the server closed the TCP connection. */
    Frame readFrame() throws IOException {
        int b0 = read();
        int b1 = read();
        int opcode = b0 & 0x0f;
        long length = b1 & 0x7f;
        if (length == 126) {
            length = ((long) read() << 8) | read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | read();
            }
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream((int) Math.min(length, 1 << 20));
        byte[] chunk = new byte[8192];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a frame");
            }
            payload.write(chunk, 0, n);
            remaining -= n;
        }
        return new Frame(opcode, payload.toByteArray());
    }

    /** Reads frames until a close frame (returned) or the end of the connection (null). */
    Frame readUntilClose() throws IOException {
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == OP_CLOSE) {
                    return frame;
                }
            }
        } catch (EOFException e) {
            return null;
        }
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
