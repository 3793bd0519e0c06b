package io.reflex.launcher.plan;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's {@code launch} section: how every service of the pipeline runs. Kept as the engine sent it, plus
 * typed accessors, because the lifecycle settings (readiness, sidecars, stop hooks) are read by other features.
 *
 * @param pipeline the pipeline's name, for messages
 * @param json     the {@code launch} object
 */
public record PipelineLaunch(String pipeline, ObjectNode json) {

    public static PipelineLaunch of(String pipeline, JsonNode pipelineObject) {
        JsonNode launch = pipelineObject.path("launch");
        if (!launch.isObject()) {
            throw new LaunchException(ExitReason.BAD_CONFIG, "Pipeline " + pipeline + " has no launch section");
        }
        return new PipelineLaunch(pipeline, (ObjectNode) launch.deepCopy());
    }

    /** {@code exec} (the default) or {@code action}. */
    public String type() {
        return text("type").orElse("exec");
    }

    public Optional<String> rundir() {
        return text("rundir");
    }

    public Optional<String> cfgdir() {
        return text("cfgdir");
    }

    /** The default action of an action-type pipeline. */
    public Optional<String> target() {
        return text("target");
    }

    /** The program and its arguments, unsubstituted. */
    public List<String> exec() {
        JsonNode exec = json.path("exec");
        if (!exec.isArray() || exec.isEmpty()) {
            throw new LaunchException(ExitReason.BAD_CONFIG,
                    "Pipeline " + pipeline + " has no launch.exec to run");
        }
        List<String> argv = new ArrayList<>();
        exec.forEach(element -> argv.add(element.asText()));
        return argv;
    }

    public JsonNode field(String name) {
        return json.path(name);
    }

    private Optional<String> text(String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }
}
