package io.reflex.gui.dialog;

import io.reflex.client.AuthenticationException;
import io.reflex.client.ConflictException;
import io.reflex.client.EngineErrorException;
import io.reflex.client.EngineUnreachableException;
import io.reflex.client.ForbiddenException;
import io.reflex.client.NotFoundException;
import io.reflex.client.ValidationException;
import io.reflex.client.config.ConfigException;

/**
 * Turns a failure into the one sentence a user sees. The client already sorts failures into types, so the console
 * maps types, never HTTP codes; the stack trace goes to the log, not to the screen.
 */
public final class ErrorSentences {
    private ErrorSentences() {}

    public static String of(Throwable failure) {
        return switch (failure) {
            case EngineUnreachableException e -> "The engine does not answer; the console keeps retrying.";
            case AuthenticationException e -> "The engine refused the apikey (expired or deleted); connect with another one.";
            case ForbiddenException e -> "Your apikey is not allowed to do this: " + detail(e);
            case NotFoundException e -> "It no longer exists on the engine (deleted by someone else?).";
            case ConflictException e -> "Someone else changed it since you opened it.";
            case ValidationException e -> "The engine rejected it: " + detail(e);
            case EngineErrorException e -> "The engine failed to answer properly: " + detail(e);
            case ConfigException e -> "The config cannot be flattened: " + detail(e);
            default -> failure.getMessage() == null ? "Something went wrong: " + failure.getClass().getSimpleName()
                    : failure.getMessage();
        };
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "no reason given." : message;
    }
}
