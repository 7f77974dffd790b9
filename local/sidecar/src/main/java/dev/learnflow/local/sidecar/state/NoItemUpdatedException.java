package dev.learnflow.local.sidecar.state;

/**
 * state.postgresql v1's answer when a write without an ETag changed no row: a first-write on a key that exists.
 * Not an ETag error, so daprd reports it as an internal error with this message.
 */
public class NoItemUpdatedException extends Exception {

    public NoItemUpdatedException() {
        super("no item was updated");
    }
}
