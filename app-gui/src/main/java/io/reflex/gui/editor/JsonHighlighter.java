package io.reflex.gui.editor;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Colours JSON by token class; a regex is enough because the parser, not the colours, reports errors. */
final class JsonHighlighter {
    /** Above this many characters highlighting costs more than it helps and is switched off. */
    static final int LIMIT = 200_000;
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<PUNCT>[{}\\[\\],:])");
    private static final List<String> GROUPS = List.of("KEY", "STRING", "NUMBER", "LITERAL", "PUNCT");

    private JsonHighlighter() {}

    static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        if (text.length() <= LIMIT) {
            Matcher m = TOKENS.matcher(text);
            while (m.find()) {
                String group = GROUPS.stream().filter(g -> m.group(g) != null).findFirst().orElseThrow();
                spans.add(List.of(), m.start() - last);
                spans.add(List.of("json-" + group.toLowerCase(java.util.Locale.ROOT)), m.end() - m.start());
                last = m.end();
            }
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
