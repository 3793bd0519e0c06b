package io.reflex.engine.model;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A parsed object address: a numeric id ({@code 12}), a name ({@code bct-tst}) or a soft reference
 * ({@code bct-tst.12}, {@code bct-tst.notfound}). Resolution tries the id first, then the name.
 */
public record Target(String text, Optional<String> name, long id) {

    /** @throws InvalidTargetException when a part that starts with a digit is not an integer */
    public static Target parse(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
            return new Target(text, Optional.empty(), integer(text, text));
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new Target(text, Optional.of(text), 0);
        }
        String suffix = text.substring(dot + 1);
        long id = !suffix.isEmpty() && Character.isDigit(suffix.charAt(0)) ? integer(suffix, text) : 0;
        return new Target(text, Optional.of(text.substring(0, dot)), id);
    }

    /** Looks the target up the way the original did: by id when one is given (falling back to the name), else by name. */
    public <T> Optional<T> resolve(LongFunction<Optional<T>> byId, Function<String, Optional<T>> byName) {
        if (id != 0) {
            Optional<T> found = byId.apply(id);
            if (found.isPresent() || name.isEmpty()) {
                return found;
            }
        }
        return name.flatMap(byName);
    }

    /** The id a stored soft reference ({@code name.id}) points at; 0 for {@code name.notfound} or anything else. */
    public static long referencedId(String stored) {
        int dot = stored.lastIndexOf('.');
        if (dot < 0) {
            return 0;
        }
        try {
            return Long.parseLong(stored.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long integer(String digits, String whole) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidTargetException("Invalid target '" + whole + "'");
        }
    }

    /** A target that cannot be parsed; its message is meant for the client. */
    public static final class InvalidTargetException extends RuntimeException {
        public InvalidTargetException(String message) {
            super(message);
        }
    }
}
