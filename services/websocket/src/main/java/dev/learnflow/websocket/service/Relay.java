package dev.learnflow.websocket.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.platform.concurrent.DaemonThreads;
import dev.learnflow.websocket.config.RelayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-user relay of this replica: who is connected, what each user was sent recently, and delivery of a
 * message to exactly the sockets of its recipients. Every replica receives every message (see README: each
 * replica has its own consumer group), so each one buffers for every user and a client may resume on any replica.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);

    /** What one delivery did on this replica. */
    public record DeliveryReport(int recipients, int connections, int duplicates) {
    }

    private final Map<UUID, UserChannel> channels = new ConcurrentHashMap<>();
    private final Map<CloseCodes, AtomicLong> serverCloses = new EnumMap<>(CloseCodes.class);
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final ObjectMapper mapper;
    private final RelayConfig config;
    private final Clock clock;
    private final UserChannel.ReplayLimits replayLimits;
    private final SocketSession.Limits sendLimits;
    private ScheduledExecutorService heartbeat;

    /** The platform's clock decides message times and the replay window. */
    @Inject
    public Relay(ObjectMapper mapper, RelayConfig config, Clock clock) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
        this.replayLimits = new UserChannel.ReplayLimits(config.replay().window().toMillis(),
                config.replay().maxMessages(), config.replay().maxBytes());
        this.sendLimits = new SocketSession.Limits(config.sendQueue().maxMessages(), config.sendQueue().maxBytes());
        for (CloseCodes why : CloseCodes.values()) {
            serverCloses.put(why, new AtomicLong());
        }
    }

    void start(@Observes StartupEvent started) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("websocket-heartbeat"));
        long every = config.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        // Tell clients to reconnect (to another replica) and resume, instead of letting them time out.
        channels.values().forEach(c -> c.sessions().forEach(s -> s.close(CloseCodes.SHUTDOWN)));
    }

    /** A session for a socket that just opened, with this relay's send-queue bounds. */
    public SocketSession newSession(SocketChannel channel, UUID userId, Set<String> roles, Instant tokenExpiresAt) {
        return new SocketSession(channel, userId, roles, tokenExpiresAt, sendLimits, System.nanoTime(),
                why -> serverCloses.get(why).incrementAndGet());
    }

    /** How many sockets this replica closed, by reason, since it started. */
    public Map<CloseCodes, Long> serverCloses() {
        Map<CloseCodes, Long> counts = new EnumMap<>(CloseCodes.class);
        serverCloses.forEach((why, n) -> counts.put(why, n.get()));
        return counts;
    }

    /**
     * Buffers {@code message} for each recipient and queues it to their open sockets. A message whose id was
     * already relayed to a recipient within the replay window (a redelivered event) is not sent again.
     */
    public DeliveryReport deliver(RelayMessage message, Collection<UUID> recipients) {
        OutboundMessage encoded = encode(message);
        int connections = 0;
        int duplicates = 0;
        int[] sent = new int[1];
        for (UUID user : new LinkedHashSet<>(recipients)) {
            while (true) {
                UserChannel channel = channels.get(user);
                if ((channel == null || !channel.hasSessions()) && overBudget()) {
                    // Memory bound: nobody is connected for this user here, and this replica buffers enough
                    // already. Should the user resume here, the resumed marker says found=false.
                    break;
                }
                if (channel == null) {
                    channel = channels.computeIfAbsent(user, this::newChannel);
                }
                UserChannel.Delivered outcome = channel.deliver(encoded, replayLimits, encoded.atMillis(), sent);
                if (outcome == UserChannel.Delivered.RETIRED) {
                    channels.remove(user, channel);
                    continue;
                }
                if (outcome == UserChannel.Delivered.DUPLICATE) {
                    duplicates++;
                } else {
                    connections += sent[0];
                }
                break;
            }
        }
        return new DeliveryReport(recipients.size(), connections, duplicates);
    }

    /**
     * Registers a new socket: it gets {@code welcome} first, then (if {@code resumeFrom} is set) every buffered
     * message after that id and a {@code resumed} marker.
     */
    public void open(SocketSession session, String resumeFrom) {
        OutboundMessage welcome = encode(control(MessageTypes.WELCOME, null, welcomePayload(session)));
        while (true) {
            UserChannel channel = channels.computeIfAbsent(session.userId(), this::newChannel);
            UserChannel.Replay replay = channel.attach(session, welcome, resumeFrom, replayLimits, clock.millis(),
                    config.maxConnectionsPerUser(), r -> resumedMessage(resumeFrom, r));
            if (replay != null) {
                LOG.debugf("Socket %s of %s opened%s", session.id(), session.userId(),
                        resumeFrom == null ? "" : ", replayed " + replay.replayed());
                return;
            }
            channels.remove(session.userId(), channel);
        }
    }

    /** A client asks for what it missed after {@code lastId} (the socket is already open). */
    public void resume(SocketSession session, String lastId) {
        while (true) {
            UserChannel channel = channels.computeIfAbsent(session.userId(), this::newChannel);
            if (channel.resume(session, lastId, replayLimits, clock.millis(), r -> resumedMessage(lastId, r)) != null) {
                return;
            }
            channels.remove(session.userId(), channel);
        }
    }

    /** The socket closed (either side); forget it. */
    public void close(SocketSession session) {
        session.markClosed();
        UserChannel channel = channels.get(session.userId());
        if (channel != null) {
            channel.detach(session);
        }
    }

    /** Sends a control message (pong, error) to one socket; control messages are not buffered. */
    public void reply(SocketSession session, String type, String correlationId, Object payload) {
        session.send(encode(control(type, correlationId, payload)));
    }

    /** Open sockets of a user on this replica. */
    public int connectionsOf(UUID user) {
        UserChannel channel = channels.get(user);
        return channel == null ? 0 : channel.openSessions();
    }

    public int connections() {
        return channels.values().stream().mapToInt(UserChannel::openSessions).sum();
    }

    public int connectedUsers() {
        return (int) channels.values().stream().filter(UserChannel::hasSessions).count();
    }

    public int bufferedUsers() {
        return channels.size();
    }

    /** Bytes of recent messages this replica holds for resumes. */
    public long bufferedBytes() {
        return bufferedBytes.get();
    }

    private boolean overBudget() {
        return channels.size() >= config.replay().maxUsers()
                || bufferedBytes.get() >= config.replay().maxTotalBytes();
    }

    private UserChannel newChannel(UUID user) {
        return new UserChannel(user, bufferedBytes);
    }

    /** Pings every socket, closes idle ones and those whose token expired, trims buffers, drops empty users. */
    void sweep() {
        long nowNanos = System.nanoTime();
        long nowMillis = clock.millis();
        Instant now = Instant.ofEpochMilli(nowMillis);
        long idle = config.idleTimeout().toNanos();
        int closed = 0;
        for (UserChannel channel : channels.values()) {
            closed += channel.sweep(nowNanos, idle, now, replayLimits, nowMillis);
            if (channel.retireIfEmpty()) {
                channels.remove(channel.userId(), channel);
            }
        }
        if (closed > 0) {
            LOG.infof("Heartbeat closed %d idle or expired socket(s)", closed);
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat sweep failed", e);
        }
    }

    private Map<String, Object> welcomePayload(SocketSession session) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("connectionId", session.id());
        payload.put("userId", session.userId());
        payload.put("roles", List.copyOf(new java.util.TreeSet<>(session.roles())));
        payload.put("heartbeatSeconds", config.heartbeatInterval().toSeconds());
        payload.put("idleTimeoutSeconds", config.idleTimeout().toSeconds());
        payload.put("replayWindowSeconds", config.replay().window().toSeconds());
        return payload;
    }

    private OutboundMessage resumedMessage(String lastId, UserChannel.Replay replay) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lastId", lastId);
        payload.put("found", replay.found());
        payload.put("replayed", replay.replayed());
        return encode(control(MessageTypes.RESUMED, null, payload));
    }

    private RelayMessage control(String type, String correlationId, Object payload) {
        return new RelayMessage(UUID.randomUUID().toString(), type, correlationId, payload, clock.instant());
    }

    OutboundMessage encode(RelayMessage message) {
        try {
            String json = mapper.writeValueAsString(message);
            return new OutboundMessage(message.id(), message.type(), json, OutboundMessage.utf8Length(json),
                    clock.millis());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message " + message.id() + " cannot be written as JSON", e);
        }
    }
}
