package dev.learnflow.local.sidecar.actors;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time formats the Dapr actor API accepts for timers and reminders: Go durations ("1h30m", "0h0m5s0ms"),
 * ISO 8601 durations ("PT5S", "P1DT2H"), ISO 8601 repetitions ("R5/PT1M") and RFC 3339 instants for due times
 * and TTLs.
 */
public final class Schedules {

    private static final Pattern GO_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    private static final Pattern REPEAT = Pattern.compile("R(\\d*)/(.+)");

    private Schedules() {
    }

    /** A period: calendar part (years, months, days) plus an exact duration. */
    public record Interval(int years, int months, int days, Duration duration) {
        public static Interval of(Duration d) {
            return new Interval(0, 0, 0, d);
        }

        public Instant addTo(Instant t) {
            Instant result = t;
            if (years != 0 || months != 0 || days != 0) {
                result = result.atOffset(ZoneOffset.UTC).plusYears(years).plusMonths(months).plusDays(days).toInstant();
            }
            return result.plus(duration);
        }

        public boolean isZero() {
            return years == 0 && months == 0 && days == 0 && duration.isZero();
        }
    }

    /** A parsed period: the interval and how many times it repeats (-1 = forever). */
    public record Period(Interval interval, int repetitions) {
    }

    /** Go duration (time.ParseDuration syntax, including the SDK's "0h0m5s0ms"). */
    public static Duration parseGoDuration(String s) {
        String text = s.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        boolean negative = false;
        if (text.startsWith("-") || text.startsWith("+")) {
            negative = text.startsWith("-");
            text = text.substring(1);
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_PART.matcher(text);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos || m.group(1).isEmpty() || m.group(1).equals(".")) {
                throw new IllegalArgumentException("invalid duration: " + s);
            }
            BigDecimal value = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos = nanos.add(value.multiply(BigDecimal.valueOf(unit)));
            pos = m.end();
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    /** ISO 8601 duration, e.g. PT5S, P1DT2H, P1W. */
    public static Interval parseIsoDuration(String s) {
        Matcher m = ISO.matcher(s.trim());
        if (!m.matches() || s.trim().equals("P") || s.trim().endsWith("T")) {
            throw new IllegalArgumentException("invalid ISO 8601 duration: " + s);
        }
        int years = intOf(m.group(1));
        int months = intOf(m.group(2));
        int days = intOf(m.group(3)) * 7 + intOf(m.group(4));
        Duration d = Duration.ofHours(intOf(m.group(5))).plusMinutes(intOf(m.group(6)));
        if (m.group(7) != null) {
            d = d.plusNanos(new BigDecimal(m.group(7)).multiply(BigDecimal.valueOf(1_000_000_000L)).longValue());
        }
        return new Interval(years, months, days, d);
    }

    /** A duration in either Go or ISO 8601 syntax. */
    public static Interval parseInterval(String s) {
        String t = s.trim();
        if (t.startsWith("P")) {
            return parseIsoDuration(t);
        }
        return Interval.of(parseGoDuration(t));
    }

    /** A timer/reminder period: "" = none, Go/ISO duration = forever, "R5/PT1M" = 5 times. */
    public static Period parsePeriod(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        Matcher r = REPEAT.matcher(t);
        if (r.matches()) {
            int reps = r.group(1).isEmpty() ? -1 : Integer.parseInt(r.group(1));
            return new Period(parseInterval(r.group(2)), reps);
        }
        Interval interval = parseInterval(t);
        if (interval.duration().isNegative()) {
            throw new IllegalArgumentException("negative period: " + s);
        }
        return new Period(interval, -1);
    }

    /** When a due time ("" = now, a duration from {@code from}, or an RFC 3339 instant) falls. */
    public static Instant dueAt(String dueTime, Instant from) {
        if (dueTime == null || dueTime.isBlank()) {
            return from;
        }
        String t = dueTime.trim();
        Instant absolute = parseInstant(t);
        if (absolute != null) {
            return absolute;
        }
        Interval interval = parseInterval(t);
        Instant at = interval.addTo(from);
        return at.isBefore(from) ? from : at;
    }

    /** When a TTL (duration from {@code from} or RFC 3339 instant) expires; null when none. */
    public static Instant expiresAt(String ttl, Instant from) {
        if (ttl == null || ttl.isBlank()) {
            return null;
        }
        Instant absolute = parseInstant(ttl.trim());
        return absolute != null ? absolute : parseInterval(ttl.trim()).addTo(from);
    }

    private static Instant parseInstant(String t) {
        if (t.length() < 10 || !Character.isDigit(t.charAt(0)) || t.indexOf('-') != 4) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid RFC 3339 time: " + t);
        }
    }

    private static int intOf(String g) {
        return g == null ? 0 : Integer.parseInt(g);
    }
}
