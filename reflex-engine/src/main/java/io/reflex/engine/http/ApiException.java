package io.reflex.engine.http;

import java.util.Optional;

/**
 * A refusal meant for the client: its status code and message become the reference's
 * {@code {"status": "failed", "message": ...}} envelope. Anything else that escapes a handler is a server fault.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final Optional<String> clientMessage;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.clientMessage = Optional.of(message);
    }

    private ApiException(int status) {
        super("status " + status, null, false, false);
        this.status = status;
        this.clientMessage = Optional.empty();
    }

    /** The original answered some refusals with {@code {"status": "failed"}} and no message; clients match on it. */
    public static ApiException withoutMessage(int status) {
        return new ApiException(status);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "Forbidden");
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public Optional<String> clientMessage() {
        return clientMessage;
    }
}
