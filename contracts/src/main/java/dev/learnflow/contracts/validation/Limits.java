package dev.learnflow.contracts.validation;

/**
 * Size limits for user input, shared by the API types and the event payloads that carry the same text, so a
 * request accepted at the gateway is never rejected later by a consumer.
 */
public final class Limits {

    /** Python source a student can send; large enough for any exercise, small enough for the sandbox and LLM. */
    public static final int CODE_MAX = 20_000;
    public static final int QUESTION_MAX = 2_000;
    public static final int STDIN_MAX = 10_000;
    /** A Python traceback or error message pasted by the student. */
    public static final int ERROR_MAX = 10_000;
    /** RFC 5321 path limit. */
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 8;
    /** Upper bound keeps password hashing cheap enough not to be a denial-of-service lever. */
    public static final int PASSWORD_MAX = 128;
    public static final int DISPLAY_NAME_MAX = 80;
    public static final int SLUG_MAX = 64;
    public static final int TIMEZONE_MAX = 64;
    public static final int TOKEN_MAX = 4_096;
    public static final int NOTE_MAX = 1_000;
    public static final int RUN_TIMEOUT_MIN_MS = 100;
    /** The sandbox never runs student code longer than this, whatever the caller asks for. */
    public static final int RUN_TIMEOUT_MAX_MS = 5_000;
    public static final int MEMORY_MIN_MB = 16;
    public static final int MEMORY_MAX_MB = 512;
    public static final int HINT_LEVEL_MIN = 1;
    public static final int HINT_LEVEL_MAX = 3;
    public static final int QUIZ_OPTIONS_MAX = 10;
    public static final int TESTS_MAX = 50;

    private Limits() {
    }
}
