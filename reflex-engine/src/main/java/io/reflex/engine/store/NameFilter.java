package io.reflex.engine.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A list filter on names: the original's prefix form ({@code match=bct}) or, as an extension, a glob with
 * {@code *} and {@code ?}. Matching ignores case, as the original's database collation did.
 */
public final class NameFilter {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_*?-]*");
    private final String likePattern;

    private NameFilter(String likePattern) {
        this.likePattern = likePattern;
    }

    /** @throws IllegalArgumentException when the filter holds characters outside names and glob wildcards */
    public static NameFilter parse(String match) {
        if (!ALLOWED.matcher(match).matches()) {
            throw new IllegalArgumentException("match may only be a-z0-9-");
        }
        String lower = match.toLowerCase(Locale.ROOT);
        StringBuilder like = new StringBuilder();
        for (char c : lower.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '_', '%', '!' -> like.append('!').append(c);
                default -> like.append(c);
            }
        }
        boolean glob = lower.indexOf('*') >= 0 || lower.indexOf('?') >= 0;
        if (!glob) {
            like.append('%');
        }
        return new NameFilter(like.toString());
    }

    String likePattern() {
        return likePattern;
    }
}
