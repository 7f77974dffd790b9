package dev.learnflow.gateway.rest;

/** Backend app-ids and the internal paths the gateway routes to (the backends' /internal API). */
final class Routes {

    static final String TRIAGE = "triage";
    static final String CONCEPTS = "concepts";
    static final String EXERCISE = "exercise";
    static final String PROGRESS = "progress";
    static final String CODE_EXECUTION = "code-execution";
    static final String NOTIFICATION = "notification";

    private Routes() {
    }
}
