package io.reflex.launcher.plan;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} in pipeline launch fields and in actions (6.4, 7.2): one pass, no recursion, a missing name
 * becomes empty. Deliberately a different syntax and rule set from the flattener's recursive {@code %{VAR}}.
 */
public final class Substitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)}");

    private Substitution() {
    }

    public static String apply(String text, Map<String, String> values) {
        return apply(text, name -> values.getOrDefault(name, ""));
    }

    public static String apply(String text, Function<String, String> lookup) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(lookup.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
