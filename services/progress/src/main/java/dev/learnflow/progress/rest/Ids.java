package dev.learnflow.progress.rest;

/** Path parameter formats. */
final class Ids {

    /** A UUID as text; checked by Bean Validation so a malformed id is a 400 naming the parameter. */
    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    static final String UUID_MESSAGE = "must be a UUID";
    /** A small whole number as text: bound by @Min/@Max, and a non-number is a 400 naming the parameter. */
    static final String NUMBER = "^[0-9]{1,6}$";
    static final String NUMBER_MESSAGE = "must be a whole number";

    private Ids() {
    }
}
