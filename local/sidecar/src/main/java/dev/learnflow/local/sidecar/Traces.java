package dev.learnflow.local.sidecar;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C trace context, as daprd propagates it: a new span for each hop, same trace id. */
public final class Traces {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traces() {
    }

    /** A child of {@code incoming} (same trace, new span), or a new sampled trace when there is none. */
    public static String child(String incoming, double samplingRate) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String span = hex(8);
        if (incoming != null && TRACEPARENT.matcher(incoming.trim()).matches()) {
            String[] parts = incoming.trim().split("-");
            return "00-" + parts[1] + "-" + span + "-" + parts[3];
        }
        boolean sampled = samplingRate >= 1.0 || r.nextDouble() < samplingRate;
        return "00-" + hex(16) + "-" + span + "-" + (sampled ? "01" : "00");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        if (b[0] == 0) {
            b[0] = 1;
        }
        return HexFormat.of().formatHex(b);
    }
}
