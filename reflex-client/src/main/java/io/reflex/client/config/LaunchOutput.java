package io.reflex.client.config;

import io.reflex.client.Secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The text {@code launch env} and {@code launch config} print, and the stdin payload of
 * {@code "config": "stdin"} actions (6.7, 7.3), byte for byte as the original produced them.
 */
public final class LaunchOutput {

    private static final List<String> PRUNED = List.of(
            Conf.FILE, Conf.PROCVARS, Conf.EXTENDS, Conf.IMPORTS, Conf.EXPORTS, Conf.TYPE, "macroExpand");
    private static final List<String> REMOVED = List.of("id", Conf.NAME, "createdAt", "updatedAt");

    private LaunchOutput() {
    }

    /**
     * {@code launch env}: one line per setenv variable, sorted by name; {@code export KEY="json"}
     * lines, or raw {@code KEY=value} lines for {@code --noexport}. Names with a dash make invalid
     * shell lines, as they did in the original.
     */
    public static String env(LaunchPlan plan, boolean export) {
        StringBuilder out = new StringBuilder();
        plan.setenv().values().stream()
                .sorted((a, b) -> PyJson.keyOrder().compare(a.name(), b.name()))
                .forEach(variable -> out.append(envLine(variable.name(), variable.value(), export)));
        return out.toString();
    }

    /** One {@code launch env} line: {@code export KEY="json"}, or {@code KEY=value} for {@code --noexport}. */
    public static String envLine(String name, String value, boolean export) {
        return (export ? "export " + name + "=" + PyJson.quote(value) : name + "=" + value) + "\n";
    }

    /**
     * The merged document {@code launch config} prints: the pipeline (with {@code pipeline} set to
     * its name), then the service, then the pruned conf, later ones winning.
     */
    public static ObjectNode configDocument(ObjectNode pipeline, ObjectNode service, LaunchPlan plan) {
        ObjectNode document = pipeline.deepCopy();
        JsonNode pipelineName = pipeline.get(Conf.NAME);
        if (pipelineName != null) {
            document.set("pipeline", pipelineName.deepCopy());
        }
        Conf.merge(document, service.deepCopy());
        ObjectNode conf = plan.conf();
        conf.remove(PRUNED);
        Conf.merge(document, conf);
        document.remove(REMOVED);
        return document;
    }

    /** {@code launch config}: the document with keys sorted and an indent of 2. It shows every secret in clear. */
    public static String config(ObjectNode pipeline, ObjectNode service, LaunchPlan plan) {
        return PyJson.pretty(configDocument(pipeline, service, plan)) + "\n";
    }

    /** What an action with {@code "config": "stdin"} reads: the document as compact JSON. */
    public static Secret stdinPayload(ObjectNode pipeline, ObjectNode service, LaunchPlan plan) {
        return Secret.of(PyJson.compact(configDocument(pipeline, service, plan)));
    }
}
