package io.reflex.gui.navigation;

import io.reflex.client.ReflexObject;
import io.reflex.gui.objects.Cells;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browse table's two filters. The glob matches names as the CLI's {@code match} does; the expression filter
 * is a small {@code field op value [and ...]} language over the listed columns, enough to say
 * {@code lane=prd and status!=ok} without learning the engine's ABAC syntax.
 */
public final class RowFilter {
    private static final Pattern CLAUSE = Pattern.compile("\\s*([\\w.-]+)\\s*(!=|=|~)\\s*(.*?)\\s*");

    private RowFilter() {}

    /** Case-insensitive glob over the name; text without {@code *} or {@code ?} matches anywhere in it. */
    public static Predicate<ReflexObject> glob(String glob) {
        String trimmed = glob.strip();
        if (trimmed.isEmpty()) {
            return o -> true;
        }
        String pattern = trimmed.contains("*") || trimmed.contains("?") ? trimmed : "*" + trimmed + "*";
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return o -> compiled.matcher(o.name()).matches();
    }

    /**
     * Parses an expression such as {@code lane=prd and status!=ok}; {@code ~} means "contains".
     *
     * @throws IllegalArgumentException with a sentence naming the clause that does not parse
     */
    public static Predicate<ReflexObject> expression(String expression) {
        Predicate<ReflexObject> all = o -> true;
        if (expression.isBlank()) {
            return all;
        }
        for (String clause : expression.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new IllegalArgumentException("Cannot read '" + clause.strip()
                        + "'; write field=value, field!=value or field~text, joined by 'and'.");
            }
            all = all.and(clause(m.group(1), m.group(2), m.group(3)));
        }
        return all;
    }

    private static Predicate<ReflexObject> clause(String field, String op, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return o -> {
            String actual = Cells.text(o, field).toLowerCase(Locale.ROOT);
            return switch (op) {
                case "=" -> actual.equals(wanted);
                case "!=" -> !actual.equals(wanted);
                default -> actual.contains(wanted);
            };
        };
    }
}
