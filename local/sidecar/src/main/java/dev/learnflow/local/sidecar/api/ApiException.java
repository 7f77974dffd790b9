package dev.learnflow.local.sidecar.api;

import io.grpc.Status;

/** An error of the Dapr API with both of its faces: HTTP status + errorCode, and gRPC status code. */
public class ApiException extends RuntimeException {

    private final int httpStatus;
    private final Status.Code grpcCode;
    private final String errorCode;
    private String grpcMessage;

    public ApiException(int httpStatus, Status.Code grpcCode, String errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
        this.errorCode = errorCode;
    }

    public ApiException(int httpStatus, Status.Code grpcCode, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The gRPC face's message where daprd's differs from the HTTP one (default: the same message). */
    public String grpcMessage() {
        return grpcMessage != null ? grpcMessage : getMessage();
    }

    public ApiException withGrpcMessage(String message) {
        this.grpcMessage = message;
        return this;
    }

    public static ApiException badRequest(String errorCode, String message) {
        return new ApiException(400, Status.Code.INVALID_ARGUMENT, errorCode, message);
    }

    public static ApiException internal(String errorCode, String message, Throwable cause) {
        return new ApiException(500, Status.Code.INTERNAL, errorCode, message, cause);
    }

    /** Unwraps completion wrappers and maps anything that is not already an ApiException. */
    public static ApiException of(Throwable t, String errorCode, String prefix) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof ApiException a) {
            return a;
        }
        String msg = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return internal(errorCode, prefix + msg, c);
    }
}
