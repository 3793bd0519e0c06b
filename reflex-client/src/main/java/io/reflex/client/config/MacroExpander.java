package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %{NAME}} expansion (5.5): environment first, then the variable table, else empty.
 *
 * <p>The original rescanned the whole text until no macro was left, which hangs on a reference
 * loop. Here each reference is resolved depth-first with the chain of names on a stack, so a loop
 * is reported as the chain that closes it. The result is the same text the original produced
 * whenever the original terminated; a missing name is reported once per expanded value rather
 * than once per occurrence.
 */
final class MacroExpander {

    private static final Pattern MACRO = Pattern.compile("%\\{([A-Za-z0-9_.-]+)}");
    private static final int MAX_DEPTH = 1_000;
    private static final int MAX_PASSES = 100;
    private static final int MAX_TEXT_CHARS = 32 << 20;

    /** The expanded text, and whether any of it came from the (secret) variable table. */
    record Expansion(String text, boolean fromVariables) {
    }

    private final Map<String, String> environment;
    private final JsonNode variables;
    private final String config;
    private final Consumer<MissingVariable> onMissing;

    MacroExpander(Map<String, String> environment, JsonNode variables, String config,
                  Consumer<MissingVariable> onMissing) {
        this.environment = environment;
        this.variables = variables;
        this.config = config;
        this.onMissing = onMissing;
    }

    /** Expands a config value (setenv, dest, file content) that is not itself a variable. */
    Expansion expand(String text, String field) {
        return new Call(field, Optional.empty()).run(text);
    }

    /** Expands variable {@code name}; its references to itself resolve to empty, as in the original. */
    Expansion expandVariable(String name, String text, String field) {
        return new Call(field, Optional.of(name)).run(text);
    }

    static boolean hasMacro(String text) {
        return text.contains("%{") && MACRO.matcher(text).find();
    }

    /** One expansion: its reference stack and bookkeeping. */
    private final class Call {
        private final String field;
        private final Optional<String> self;
        private final List<String> stack = new ArrayList<>();
        private final Set<String> active = new HashSet<>();
        private final Map<String, String> resolved = new HashMap<>();
        private boolean fromVariables;

        Call(String field, Optional<String> self) {
            this.field = field;
            this.self = self;
            self.ifPresent(this::push);
        }

        Expansion run(String text) {
            return new Expansion(expandText(text), fromVariables);
        }

        private String expandText(String text) {
            String current = text;
            for (int pass = 0; ; pass++) {
                Matcher macro = MACRO.matcher(current);
                if (!macro.find()) {
                    return current;
                }
                if (pass == MAX_PASSES) {
                    throw new ConfigException("Expansion of " + config + " " + field
                            + " does not terminate: macros keep forming in " + trail());
                }
                StringBuilder out = new StringBuilder(current.length());
                int copied = 0;
                do {
                    out.append(current, copied, macro.start()).append(resolve(macro.group(1)));
                    copied = macro.end();
                } while (macro.find());
                current = out.append(current, copied, current.length()).toString();
                if (current.length() > MAX_TEXT_CHARS) {
                    throw new ConfigException("Expansion of " + config + " " + field + " grows beyond "
                            + MAX_TEXT_CHARS + " characters: " + trail());
                }
            }
        }

        /** A name always resolves to the same text within one call, so each is resolved once. */
        private String resolve(String name) {
            String known = resolved.get(name);
            if (known != null) {
                return known;
            }
            String result = lookUp(name);
            resolved.put(name, result);
            return result;
        }

        private String lookUp(String name) {
            String raw = environment.get(name);
            if (raw == null && self.filter(name::equals).isEmpty()) {
                Optional<JsonNode> value = Conf.dig(variables, name);
                if (value.isPresent()) {
                    raw = PyText.str(value.get());
                    fromVariables = true;
                }
            }
            if (raw == null) {
                onMissing.accept(new MissingVariable(config, field, chainTo(name)));
                return "";
            }
            String result = raw;
            if (hasMacro(raw)) {
                if (active.contains(name)) {
                    throw new VariableCycleException(config, field, chainTo(name));
                }
                if (stack.size() >= MAX_DEPTH) {
                    throw new ConfigException("Expansion of " + config + " " + field + " nests deeper than "
                            + MAX_DEPTH + " references: " + trail());
                }
                push(name);
                result = expandText(raw);
                pop(name);
            }
            return result;
        }

        private void push(String name) {
            stack.add(name);
            active.add(name);
        }

        private void pop(String name) {
            stack.removeLast();
            active.remove(name);
        }

        private List<String> chainTo(String name) {
            List<String> chain = new ArrayList<>(stack);
            chain.add(name);
            return chain;
        }

        private String trail() {
            return stack.isEmpty() ? field : String.join(" -> ", stack);
        }
    }
}
