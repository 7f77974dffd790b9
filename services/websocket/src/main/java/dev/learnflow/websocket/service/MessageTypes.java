package dev.learnflow.websocket.service;

/** The {@code type} values of socket messages. Relayed ones are kept for resume; control ones are not. */
public final class MessageTypes {

    /** An answer from learning.responses. */
    public static final String LEARNING_RESPONSE = "learning.response";
    /** A summary of one progress.events activity of the student. */
    public static final String PROGRESS_RECORDED = "progress.recorded";
    /** An exercise generated for the student (exercise.generated). */
    public static final String EXERCISE_GENERATED = "exercise.generated";
    /** Pushed by notification: a new alert for a teacher; {@code alert.updated} when its status changes. */
    public static final String ALERT_CREATED = "alert.created";
    public static final String ALERT_UPDATED = "alert.updated";

    /** Control: first message on every socket. */
    public static final String WELCOME = "welcome";
    /** Control: end of a replay after a resume request. */
    public static final String RESUMED = "resumed";
    /** Control: answer to a client's {@code ping}. */
    public static final String PONG = "pong";
    /** Control: the client sent something the server does not understand (payload is a problem document). */
    public static final String ERROR = "error";

    private MessageTypes() {
    }
}
