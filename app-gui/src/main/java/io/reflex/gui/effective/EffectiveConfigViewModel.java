package io.reflex.gui.effective;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.config.ConfigFile;
import io.reflex.client.config.ConfigFlattener;
import io.reflex.client.config.ConfigSource;
import io.reflex.client.config.EnvVar;
import io.reflex.client.config.FlattenedConfig;
import io.reflex.client.config.LaunchPlan;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.ErrorSentences;
import io.reflex.gui.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What {@code launch} would give one service: the variables and files of its flattened config, each variable with
 * the config it came from. Secret values and file contents built from secrets stay masked until revealed.
 */
public final class EffectiveConfigViewModel {
    static final String MASK = "••••••";
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final ObservableList<Variable> variables = FXCollections.observableArrayList();
    private final ObservableList<ConfigFile> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Open a service to see what launch gives it.");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private Result result;

    /** One variable as the table shows it; the value already masked when it must be. */
    public record Variable(String name, String value, String from, boolean secret) {}

    private record Result(LaunchPlan plan, Map<String, String> origin, List<String> secrets) {}

    public EffectiveConfigViewModel(ConnectionService connection, TaskExecutor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    /** Flattens the config of service {@code name} as launch would, against the engine. */
    public void load(String name) {
        executor.run(() -> compute(name), computed -> {
            result = computed;
            revealed.set(false);
            summary.set("launch gives " + name + " " + count(computed.plan().environment().size(), "variable")
                    + " and " + count(computed.plan().files().size(), "file") + " from config "
                    + Provenance.plain(computed.plan().name())
                    + (computed.plan().warnings().isEmpty() ? "." : "; " + computed.plan().warnings().size()
                    + " variables are referenced but defined nowhere."));
            publish();
        }, failure -> {
            result = null;
            variables.clear();
            files.clear();
            connection.reportFailure(failure);
            summary.set("Cannot compute the effective config of " + name + ": " + ErrorSentences.of(failure));
        });
    }

    private Result compute(String serviceName) {
        ReflexClient client = connection.getClient();
        ReflexObject service = client.get(ObjectType.SERVICE, serviceName);
        String top = service.text("config").orElseThrow(() -> new IllegalStateException(
                "Service " + serviceName + " names no config."));
        String cfgdir = service.text("pipeline")
                .flatMap(p -> client.find(ObjectType.PIPELINE, p))
                .flatMap(p -> p.field("launch").map(l -> l.path("cfgdir").asText("")))
                .filter(d -> !d.isBlank())
                .orElse("/app/" + Provenance.plain(service.text("pipeline").orElse("service")) + "/config");
        Map<String, ObjectNode> cache = new HashMap<>();
        ConfigSource source = ref -> cache.computeIfAbsent(ref, r -> client.get(ObjectType.CONFIG, r).json());
        ConfigFlattener flattener = ConfigFlattener.builder(source).environment(Map.of()).cfgdir(cfgdir).build();
        FlattenedConfig flat = flattener.flatten(top);
        LaunchPlan plan = flattener.commit(flat);
        List<String> secrets = new ArrayList<>();
        flat.conf().path("sensitive").path("parameters").forEach(v -> {
            if (v.isValueNode() && v.asText().length() >= 3) {
                secrets.add(v.asText());
            }
        });
        return new Result(plan, Provenance.of(source, top), secrets);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public void reveal() {
        revealed.set(true);
        publish();
    }

    public void hide() {
        revealed.set(false);
        publish();
    }

    private void publish() {
        if (result == null) {
            return;
        }
        List<Variable> rows = new ArrayList<>();
        for (EnvVar env : result.plan().environment().values()) {
            String from = result.origin().getOrDefault(env.name(),
                    result.origin().getOrDefault(env.name().replaceAll("[^A-Za-z0-9_]", "_"), "(derived)"));
            rows.add(new Variable(env.name(), env.sensitive() && !revealed.get() ? MASK : env.value(), from,
                    env.sensitive()));
        }
        variables.setAll(rows);
        files.setAll(result.plan().files());
    }

    /** A file's text, with every secret value replaced by the mask until revealed. */
    public String contents(ConfigFile file) {
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        if (!revealed.get() && result != null) {
            for (String secret : result.secrets()) {
                text = text.replace(secret, MASK);
            }
        }
        return text;
    }

    public ObservableList<Variable> getVariables() {
        return variables;
    }

    public ObservableList<ConfigFile> getFiles() {
        return files;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }
}
