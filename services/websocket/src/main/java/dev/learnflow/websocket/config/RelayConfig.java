package dev.learnflow.websocket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tuning of the relay ({@code learnflow.websocket.*} or {@code LEARNFLOW_WEBSOCKET_*}). */
@ConfigMapping(prefix = "learnflow.websocket")
public interface RelayConfig {

    /** How often the server pings every socket (browsers answer pings with pongs on their own). */
    @WithDefault("20s")
    Duration heartbeatInterval();

    /** A socket that sent nothing (not even a pong) for this long is closed. */
    @WithDefault("60s")
    Duration idleTimeout();

    /** Sockets one user may hold (tabs, devices); the oldest is closed when a new one goes over. */
    @WithDefault("10")
    int maxConnectionsPerUser();

    /**
     * SO_SNDBUF of accepted connections. Small on purpose: the kernel would otherwise absorb megabytes per stalled
     * client (autotuning), hiding a slow consumer from the send-queue bound and holding that memory per socket.
     */
    @WithDefault("65536")
    int socketSendBufferBytes();

    SendQueue sendQueue();

    Replay replay();

    /** Per-connection bound on what was handed to the socket but not yet written to the network. */
    interface SendQueue {

        @WithDefault("256")
        int maxMessages();

        @WithDefault("1048576")
        long maxBytes();
    }

    /** Per-user buffer of recent messages, so a reconnecting client can resume from the last id it saw. */
    interface Replay {

        @WithDefault("5m")
        Duration window();

        @WithDefault("200")
        int maxMessages();

        @WithDefault("524288")
        long maxBytes();

        /**
         * Memory bound of the whole replica: beyond this many users or bytes, messages for users without a socket
         * on this replica are no longer buffered (users connected here always are).
         */
        @WithDefault("100000")
        int maxUsers();

        @WithDefault("134217728")
        long maxTotalBytes();
    }
}
