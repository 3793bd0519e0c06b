package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Setenv preparation and the export/file step (5.6 and 5.7) for one flattened config.
 *
 * <p>Variables are "exported" into the run's environment as they are prepared, because later
 * expansions (exports, {@code varsub}) look the environment up first, as the original's did.
 */
final class LaunchPreparation {

    private static final Pattern NOT_PORTABLE = Pattern.compile("[^A-Za-z0-9_]");

    private final FlattenRun run;
    private final FlattenedConfig flattened;
    private final String cfgdir;
    private final FileRenderer renderer;
    private final SequencedMap<String, EnvVar> exported = new LinkedHashMap<>();
    private final Set<String> setByConfig = new HashSet<>();

    LaunchPreparation(ConfigSource source, Map<String, String> environment, ContentFiles files,
                      FlattenedConfig flattened, String cfgdir) {
        this.run = FlattenRun.resume(source, environment, flattened);
        this.flattened = flattened;
        this.cfgdir = cfgdir;
        this.renderer = new FileRenderer(run, files, cfgdir);
    }

    LaunchPlan plan(boolean commit) {
        ObjectNode conf = flattened.conf();
        Set<String> secret = new HashSet<>(flattened.secretSetenv());
        prepareSetenv(conf, secret);
        List<ConfigFile> files = new ArrayList<>();
        if (commit) {
            Set<String> visitedExports = new HashSet<>();
            for (JsonNode export : conf.get(Conf.EXPORTS)) {
                String ref = PyText.str(export);
                if (visitedExports.add(ref)) {
                    commitExport(conf, ref, secret, files);
                }
            }
            if (isFile(conf)) {
                files.add(renderer.render(conf, flattened.variablesView()));
            }
        }
        // launch service sets the top config's setenv last (6.3): an export's import cannot change it
        SequencedMap<String, EnvVar> setenv = new LinkedHashMap<>();
        Conf.object(conf, Conf.SETENV).properties().forEach(field -> {
            EnvVar variable = new EnvVar(field.getKey(), PyText.str(field.getValue()), secret.contains(field.getKey()));
            setenv.put(variable.name(), variable);
            export(variable);
        });
        return new LaunchPlan(flattened.name(), cfgdir, conf, setenv, exported, files, run.log(), run.warnings());
    }

    /** An export is walked and processed as a copy of the source conf, then committed without exports. */
    private void commitExport(ObjectNode conf, String ref, Set<String> sourceSecret, List<ConfigFile> files) {
        ObjectNode copy = conf.deepCopy();
        copy.put(Conf.NAME, ref);
        run.walk(copy, ref, true, false);
        FlattenRun.Processed processed = run.process(copy);
        Set<String> secret = new HashSet<>(sourceSecret);
        secret.addAll(processed.secretSetenv());
        prepareSetenv(copy, secret);
        if (isFile(copy)) {
            files.add(renderer.render(copy, processed.variables()));
        }
    }

    private void prepareSetenv(ObjectNode conf, Set<String> secret) {
        Map<String, String> environment = run.environment();
        SequencedMap<String, String> forced = new LinkedHashMap<>();
        forced.put("APP_CFG_BASE", cfgdir);
        forced.put("APP_RUN_BASE", orDefault(environment.get("APP_RUN_BASE"), ""));
        forced.put("APP_PIPELINE", orDefault(environment.get("APP_PIPELINE"), ""));
        forced.put("APP_SERVICE", orDefault(environment.get("APP_SERVICE"), ""));
        forced.put("TMPDIR", orDefault(environment.get("TMPDIR"), "."));
        ObjectNode setenv = Conf.object(conf, Conf.SETENV);
        forced.forEach((key, value) -> {
            JsonNode configured = setenv.get(key);
            if (configured != null && !PyText.str(configured).equals(value)) {
                run.log("Overriding existing setenv: " + key);
            }
            setenv.put(key, value);
            secret.remove(key);
        });
        setenv.properties().forEach(field ->
                export(new EnvVar(field.getKey(), PyText.str(field.getValue()), secret.contains(field.getKey()))));
    }

    /** Sets the name as spelled, and its underscore alias unless some config sets that name itself. */
    private void export(EnvVar variable) {
        exported.put(variable.name(), variable);
        setByConfig.add(variable.name());
        run.environment().put(variable.name(), variable.value());
        String alias = NOT_PORTABLE.matcher(variable.name()).replaceAll("_");
        if (!alias.equals(variable.name()) && !setByConfig.contains(alias)) {
            exported.put(alias, new EnvVar(alias, variable.value(), variable.sensitive()));
            run.environment().put(alias, variable.value());
        }
    }

    private static boolean isFile(ObjectNode conf) {
        return "file".equals(conf.path(Conf.TYPE).asText());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
