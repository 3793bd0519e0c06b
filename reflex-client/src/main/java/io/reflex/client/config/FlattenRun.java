package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of one flatten-and-commit run: which configs were visited, the environment
 * as the run has changed it, and the log so far.
 *
 * <p>The original kept "visited" sets for the whole run, so an export already reached through
 * {@code extends} is not walked again; a commit therefore resumes the run that flattened.
 */
final class FlattenRun {

    private static final String DEFAULT_PROCVAR = "sensitive.parameters";

    /** A processed conf, its expanded variable table and the setenv keys built from variables. */
    record Processed(ObjectNode conf, ObjectNode variables, Set<String> secretSetenv) {
    }

    private final ConfigSource source;
    private final Map<String, String> environment;
    private final Set<String> visitedExtends;
    private final Set<String> visitedImports;
    private final List<String> log;
    private final List<MissingVariable> warnings;

    private FlattenRun(ConfigSource source, Map<String, String> environment, Set<String> visitedExtends,
                       Set<String> visitedImports, List<String> log, List<MissingVariable> warnings) {
        this.source = source;
        this.environment = environment;
        this.visitedExtends = visitedExtends;
        this.visitedImports = visitedImports;
        this.log = log;
        this.warnings = warnings;
    }

    static FlattenRun start(ConfigSource source, Map<String, String> environment) {
        return new FlattenRun(source, new HashMap<>(environment), new HashSet<>(), new HashSet<>(),
                new ArrayList<>(), new ArrayList<>());
    }

    static FlattenRun resume(ConfigSource source, Map<String, String> environment, FlattenedConfig flattened) {
        return new FlattenRun(source, new HashMap<>(environment), new HashSet<>(flattened.visitedExtends()),
                new HashSet<>(flattened.visitedImports()), new ArrayList<>(flattened.log()),
                new ArrayList<>(flattened.warnings()));
    }

    /** The walk of 5.3: imports override, extends are visited depth-first with the child winning. */
    void walk(ObjectNode conf, String ref, boolean exported, boolean toplevel) {
        if (!visitedExtends.add(ref)) {
            return;
        }
        ObjectNode fresh = Conf.load(ref, source.fetch(ref));
        Conf.unionNewFirst(conf, fresh, Conf.IMPORTS);
        for (String importRef : texts(conf.get(Conf.IMPORTS))) {
            if (visitedImports.add(importRef)) {
                applyImport(conf, Conf.load(importRef, source.fetch(importRef)), exported);
            }
        }
        Conf.unionNewFirst(conf, fresh, Conf.EXTENDS);
        Conf.mergeAccumulatedWins(conf, fresh, Conf.SENSITIVE);
        Conf.mergeAccumulatedWins(conf, fresh, Conf.SETENV);
        if (!exported) {
            Conf.unionNewFirst(conf, fresh, Conf.EXPORTS);
        }
        if (exported || toplevel) {
            Conf.mergeNewWins(conf, fresh, Conf.CONTENT);
        } else {
            inheritWholeContent(conf, fresh);
        }
        if (Conf.truthy(fresh.get(Conf.FILE)) && !Conf.truthy(conf.get(Conf.FILE))) {
            conf.set(Conf.FILE, fresh.get(Conf.FILE));
        }
        Conf.unionNewFirst(conf, fresh, Conf.PROCVARS);
        if (!exported && Conf.truthy(fresh.get(Conf.EXTENDS))) {
            for (String parent : texts(conf.get(Conf.EXTENDS))) {
                walk(conf, parent, false, false);
            }
        }
        conf.set(Conf.TYPE, fresh.get(Conf.TYPE));
    }

    private static void applyImport(ObjectNode conf, ObjectNode imported, boolean exported) {
        Conf.mergeNewWins(conf, imported, Conf.SENSITIVE);
        Conf.mergeNewWins(conf, imported, Conf.SETENV);
        Conf.mergeNewWins(conf, imported, Conf.CONTENT);
        if (!exported) {
            Conf.unionNewFirst(conf, imported, Conf.EXPORTS);
        }
    }

    /** A parent's content is all-or-nothing: it fills an empty content, it never adds keys. */
    private static void inheritWholeContent(ObjectNode conf, ObjectNode parent) {
        Conf.requireSameType(conf, parent, Conf.CONTENT);
        if (Conf.truthy(parent.get(Conf.CONTENT)) && !Conf.truthy(conf.get(Conf.CONTENT))) {
            conf.set(Conf.CONTENT, parent.get(Conf.CONTENT));
        }
    }

    /**
     * The variable processing of 5.5. Scalars and arrays become Python text; objects under a
     * procvar path stay real JSON (reference section 9 item 15, the docs' intent), so a JSON file
     * built from them keeps its nesting.
     */
    Processed process(ObjectNode conf) {
        String config = Conf.displayName(Conf.name(conf));
        log.add("Processing config object " + config);

        Set<String> paths = new LinkedHashSet<>();
        paths.add(DEFAULT_PROCVAR);
        paths.addAll(texts(conf.get(Conf.PROCVARS)));
        ObjectNode variables = conf.objectNode();
        Map<String, String> origin = new HashMap<>();
        for (String path : paths) {
            ObjectNode table = procvarTable(conf, path, config);
            Conf.merge(variables, table.deepCopy());
            Conf.keys(table).forEach(key -> origin.put(key, path + "." + key));
        }

        MacroExpander expander = expander(variables, config);
        for (String name : Conf.keys(variables)) {
            JsonNode value = variables.get(name);
            if (!value.isObject()) {
                variables.put(name, expander.expandVariable(name, PyText.str(value), origin.get(name)).text());
            }
        }
        for (String path : paths) {
            ObjectNode table = procvarTable(conf, path, config);
            for (String key : Conf.keys(table)) {
                table.set(key, variables.get(key).deepCopy());
            }
        }

        Set<String> secretSetenv = new HashSet<>();
        ObjectNode setenv = Conf.object(conf, Conf.SETENV);
        for (String key : Conf.keys(setenv)) {
            MacroExpander.Expansion expansion = expander.expand(PyText.str(setenv.get(key)), "setenv." + key);
            setenv.put(key, expansion.text());
            if (expansion.fromVariables()) {
                secretSetenv.add(key);
            }
        }
        ObjectNode content = Conf.object(conf, Conf.CONTENT);
        expandIfSet(content, "dest", expander, "content.dest");
        expandIfSet(conf, Conf.FILE, expander, Conf.FILE);
        expandIfSet(content, "source", expander, "content.source");
        return new Processed(conf, variables, secretSetenv);
    }

    private static ObjectNode procvarTable(ObjectNode conf, String path, String config) {
        return Conf.dig(conf, path)
                .filter(ObjectNode.class::isInstance)
                .map(ObjectNode.class::cast)
                .orElseThrow(() -> new ConfigException(
                        "procvars path '" + path + "' of " + config + " does not point at an object"));
    }

    private static void expandIfSet(ObjectNode holder, String key, MacroExpander expander, String field) {
        if (Conf.truthy(holder.get(key))) {
            holder.put(key, expander.expand(PyText.str(holder.get(key)), field).text());
        }
    }

    MacroExpander expander(JsonNode variables, String config) {
        return new MacroExpander(environment, variables, config, this::missing);
    }

    private void missing(MissingVariable variable) {
        warnings.add(variable);
        log.add(variable.logLine());
    }

    void log(String line) {
        log.add(line);
    }

    /** The environment as this run has set it: lookups see variables exported earlier in the run. */
    Map<String, String> environment() {
        return environment;
    }

    Set<String> visitedExtends() {
        return visitedExtends;
    }

    Set<String> visitedImports() {
        return visitedImports;
    }

    List<String> log() {
        return log;
    }

    List<MissingVariable> warnings() {
        return warnings;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(item -> texts.add(PyText.str(item)));
        return texts;
    }
}
