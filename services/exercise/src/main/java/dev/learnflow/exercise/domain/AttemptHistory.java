package dev.learnflow.exercise.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.learnflow.contracts.events.ProgressRecorded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A student's graded attempts at one exercise (state store, key per student and exercise). Only graded attempts
 * count: a submission the sandbox could not grade is never recorded.
 *
 * @param recent        the latest attempts, newest last, at most {@value #RECENT_MAX}
 * @param pendingEvents progress events of attempts that are recorded but not yet published (an outbox)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttemptHistory(int attempts, double bestScore, boolean passed, List<Attempt> recent,
                             List<PendingEvent> pendingEvents) {

    static final int RECENT_MAX = 20;

    public AttemptHistory {
        recent = recent == null ? List.of() : List.copyOf(recent);
        pendingEvents = pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** Attempt histories live in the state store one per student and exercise, under this prefix. */
    public static final String KEY_PREFIX = "attempts-";

    public static String key(UUID student, UUID exercise) {
        return student + "-" + exercise;
    }

    public static AttemptHistory empty() {
        return new AttemptHistory(0, 0.0, false, List.of(), List.of());
    }

    /**
     * One graded attempt.
     *
     * @param codeSha256 fingerprint of the submitted code, so more hints are given on code that was graded (not
     *                   on any code: that would test hidden cases without using an attempt); null before it existed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(int number, Instant at, double score, boolean passed, int testsPassed, int testsTotal,
                          String errorType, String codeSha256) {

        public static String fingerprint(String code) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(code.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The latest graded attempt with exactly this code, if it is still among the recent ones. */
    public Optional<Attempt> gradedWith(String code) {
        String fingerprint = Attempt.fingerprint(code);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (fingerprint.equals(recent.get(i).codeSha256())) {
                return Optional.of(recent.get(i));
            }
        }
        return Optional.empty();
    }

    /** A progress event waiting to be published, with an id to remove it by once it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingEvent(String id, ProgressRecorded event) {
    }

    public AttemptHistory with(Attempt attempt, PendingEvent event) {
        List<Attempt> latest = new ArrayList<>(recent);
        latest.add(attempt);
        while (latest.size() > RECENT_MAX) {
            latest.remove(0);
        }
        List<PendingEvent> pending = new ArrayList<>(pendingEvents);
        pending.add(event);
        return new AttemptHistory(attempts + 1, Math.max(bestScore, attempt.score()), passed || attempt.passed(),
                latest, pending);
    }

    public AttemptHistory withoutPending(java.util.Set<String> publishedIds) {
        List<PendingEvent> pending = new ArrayList<>(pendingEvents);
        pending.removeIf(p -> publishedIds.contains(p.id()));
        return new AttemptHistory(attempts, bestScore, passed, recent, pending);
    }
}
