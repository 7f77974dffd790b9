package dev.learnflow.platform.state;

import io.dapr.exceptions.DaprException;

import java.util.Locale;

/**
 * The one place that recognises "another writer was first" in an answer from the sidecar. Two shapes exist:
 * <ul>
 * <li>an ETag that no longer matches: daprd answers gRPC ABORTED, "... possible etag mismatch. error from state
 * store ..." (our local sidecar does the same);</li>
 * <li>a first write (no ETag) on a key that exists: state.postgresql v1 reports it as a plain "no item was
 * updated", which daprd 1.16 passes on as INTERNAL "failed saving state in state store X: no item was updated"
 * (ERR_STATE_SAVE), not as ABORTED.</li>
 * </ul>
 * Anything else (store down, invalid ETag, timeouts) is not a conflict and must not be retried as one.
 */
public final class StateConflicts {

    private static final String ETAG_MISMATCH = "possible etag mismatch";
    private static final String FIRST_WRITE_LOST = "no item was updated";

    private StateConflicts() {
    }

    public static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DaprException dapr && "ABORTED".equals(dapr.getErrorCode())) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains(ETAG_MISMATCH) || message.contains(FIRST_WRITE_LOST)
                    || message.startsWith("aborted:")) {
                return true;
            }
        }
        return false;
    }
}
