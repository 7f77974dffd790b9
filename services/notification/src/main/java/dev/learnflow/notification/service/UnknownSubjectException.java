package dev.learnflow.notification.service;

/** A struggle signal about a student or topic that does not exist: it can never become an alert. */
public class UnknownSubjectException extends RuntimeException {

    public UnknownSubjectException(String message) {
        super(message);
    }
}
