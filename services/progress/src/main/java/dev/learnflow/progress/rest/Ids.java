package dev.learnflow.progress.rest;

/** Path parameter formats. */
final class Ids {

    /** A UUID as text; checked by Bean Validation so a malformed id is a 400 naming the parameter. */
    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    static final String UUID_MESSAGE = "must be a UUID";

    private Ids() {
    }
}
