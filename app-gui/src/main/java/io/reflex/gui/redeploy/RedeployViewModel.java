package io.reflex.gui.redeploy;

import io.reflex.client.ListQuery;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.gui.connection.ConnectionService;
import io.reflex.gui.dialog.DialogService;
import io.reflex.gui.dialog.ErrorSentences;
import io.reflex.gui.dialog.DialogService.Severity;
import io.reflex.gui.history.Archive;
import io.reflex.gui.history.HistoryViewModel;
import io.reflex.gui.instances.InstanceRow;
import io.reflex.gui.instances.InstancesViewModel;
import io.reflex.gui.localrun.LauncherCommand;
import io.reflex.gui.task.TaskExecutor;
import io.reflex.launcher.instance.HostIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

/**
 * Redeploys and rollbacks, and their progress. A service redeploy merges a {@code redeploy} request into the
 * service (docs/redeploy.md); one instance on this machine is redeployed through its launcher's control socket.
 * Progress is read from the instance objects the launchers update, as the live table receives them from the
 * watch feed, so what the console shows is what the launchers report and nothing it assumes.
 */
public final class RedeployViewModel {
    private final ConnectionService connection;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final InstancesViewModel instances;
    private final LauncherCommand launcher;
    private final Clock clock;
    private final String hostSuffix = HostIdentity.current().instanceName("");
    private final IntegerProperty batch = new SimpleIntegerProperty(1);
    private final IntegerProperty minReady = new SimpleIntegerProperty(1);
    private final StringProperty build = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private Tracking tracking;

    /** How a redeploy ended, for the notification. */
    public record Outcome(boolean success, String sentence) {}

    /**
     * A redeploy being followed.
     *
     * @param requestId  the request's id, or empty for a control-socket redeploy whose id the launcher chooses
     * @param idsBefore  each followed instance's last redeploy id before the request, to tell a new one apart
     */
    private record Tracking(String service, Optional<String> requestId, Map<String, String> idsBefore) {

        boolean concerns(InstanceRow row) {
            return requestId.map(id -> id.equals(row.redeploy().id()))
                    .orElse(!row.redeploy().id().isEmpty() && !row.redeploy().id().equals(idsBefore.get(row.name())));
        }
    }

    public RedeployViewModel(ConnectionService connection, TaskExecutor executor, DialogService dialogs,
            InstancesViewModel instances, LauncherCommand launcher, Clock clock) {
        this.connection = connection;
        this.executor = executor;
        this.dialogs = dialogs;
        this.instances = instances;
        this.launcher = launcher;
        this.clock = clock;
        instances.getRows().addListener((ListChangeListener<InstanceRow>) change -> follow());
    }

    /** Asks, then asks every launcher of {@code service} to redeploy it. */
    public void redeployService(String service) {
        executor.run(() -> instancesOf(connection.getClient(), service), targets -> {
            if (targets.isEmpty()) {
                dialogs.notify(Severity.WARNING, "No running instance of " + service + " is registered, so a "
                        + "redeploy would restart nothing; start the service first.");
                return;
            }
            RedeployRequest request = request(targets.size());
            if (!dialogs.confirm(describe(service, targets, request, "the current config") + "\n\nThe request is written to the service "
                    + "as redeploy " + request.id() + ".", "Redeploy")) {
                return;
            }
            executor.run(() -> connection.getClient().merge(ObjectType.SERVICE, service,
                    ReflexObject.of(request.mergeBody())), written -> started(service, request, targets),
                    failure -> failed("Cannot request the redeploy of " + service, failure));
        }, failure -> failed("Cannot list the instances of " + service, failure));
    }

    /**
     * Asks, then restores the previous version of the service's config (the current one is archived first) and
     * redeploys the service with it.
     */
    public void rollback(String service) {
        executor.run(() -> rollbackPlan(connection.getClient(), service), plan -> {
            if (plan.previous().isEmpty()) {
                dialogs.notify(Severity.WARNING, "Config " + plan.config() + " of " + service
                        + " has no earlier version to roll back to.");
                return;
            }
            List<InstanceRow> targets = plan.instances();
            RedeployRequest request = request(Math.max(1, targets.size()));
            HistoryViewModel.Version previous = plan.previous().get();
            String shared = plan.sharedWith().isEmpty() ? ""
                    : " Other services with this config (" + String.join(", ", plan.sharedWith())
                    + ") get it too but are not redeployed.";
            if (!dialogs.confirm("Roll back " + service + ": config " + plan.config() + " is restored to its version of "
                    + previous + " (the current version is archived first, so this can be undone)." + shared + "\n\n"
                    + (targets.isEmpty() ? "No instance of " + service + " runs, so nothing is restarted."
                    : describe(service, targets, request, "the restored config")), "Roll back")) {
                return;
            }
            executor.run(() -> {
                ReflexClient client = connection.getClient();
                ReflexObject archived = client.getArchived(ObjectType.CONFIG, plan.config(), previous.updatedAt());
                Archive.restore(client, ObjectType.CONFIG, plan.config(), archived);
                client.merge(ObjectType.SERVICE, service, ReflexObject.of(request.mergeBody()));
                return request;
            }, written -> {
                dialogs.notify(Severity.INFO, "Restored config " + plan.config() + " to its version of " + previous
                        + "; redeploying " + service + ".");
                if (!targets.isEmpty()) {
                    started(service, request, targets);
                }
            }, failure -> failed("Cannot roll back " + service, failure));
        }, failure -> failed("Cannot roll back " + service, failure));
    }

    private record RollbackPlan(String config, Optional<HistoryViewModel.Version> previous, List<String> sharedWith,
            List<InstanceRow> instances) {}

    private RollbackPlan rollbackPlan(ReflexClient client, String service) {
        String reference = client.get(ObjectType.SERVICE, service).text("config").orElseThrow(() ->
                new IllegalStateException("Service " + service + " names no config, so there is nothing to roll back."));
        String config = client.get(ObjectType.CONFIG, reference).name();
        List<String> sharedWith = client.list(ListQuery.of(ObjectType.SERVICE).cols("name", "config")).stream()
                .filter(other -> !other.name().equals(service) && other.text("config")
                        .filter(ref -> ref.equals(reference) || ref.equals(config)).isPresent())
                .map(ReflexObject::name).sorted().toList();
        return new RollbackPlan(config, Archive.versions(client, ObjectType.CONFIG, config).stream().findFirst(),
                sharedWith, instancesOf(client, service));
    }

    /**
     * Redeploys one instance alone through {@code launch redeploy SERVICE} on its launcher's control socket. Only
     * instances on this machine have a socket the console can reach; the others are redeployed with their service.
     */
    public void redeployInstance(InstanceRow instance) {
        if (!instance.name().equals(instance.service() + hostSuffix)) {
            dialogs.notify(Severity.WARNING, instance.name() + " does not run on this machine: only a local "
                    + "launcher's control socket can redeploy one instance alone. Redeploy " + instance.service()
                    + " instead.");
            return;
        }
        if (!dialogs.confirm("Redeploy only " + instance.name() + ": its launcher starts a new color of "
                + instance.service() + " with the current config, switches traffic to it once it is ready and drains "
                + "color " + (instance.color().isEmpty() ? "now serving" : instance.color())
                + ". Other instances are not touched.\n\nThe request goes to the launcher's control socket "
                + "(launch redeploy " + instance.service() + ").", "Redeploy")) {
            return;
        }
        started(instance.service(), new Tracking(instance.service(), Optional.empty(),
                Map.of(instance.name(), instance.redeploy().id())), List.of(instance));
        Optional<String> target = Optional.of(build.get().strip()).filter(b -> !b.isEmpty());
        executor.run(() -> controlSocketRedeploy(instance.service(), target), output -> follow(), failure -> {
            if (tracking != null) {
                end(List.of(instance.name() + ": " + ErrorSentences.of(failure)));
            }
            failed("Cannot redeploy " + instance.name(), failure);
        });
    }

    /** {@code launch redeploy SERVICE [--build B]}: returns once the launcher answered with the outcome. */
    private String controlSocketRedeploy(String service, Optional<String> target) throws Exception {
        List<String> args = new ArrayList<>(List.of("redeploy", service));
        target.ifPresent(b -> args.addAll(List.of("--build", b)));
        Process process = new ProcessBuilder(launcher.launch(args)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(output.isBlank() ? "launch redeploy exited " + process.exitValue()
                    : output.strip().lines().reduce((first, last) -> last).orElse(""));
        }
        return output;
    }

    /** The instances a redeploy of {@code service} restarts: registered, running and not stale, by name. */
    private List<InstanceRow> instancesOf(ReflexClient client, String service) {
        Instant now = clock.instant();
        return InstancesViewModel.listAll(client).stream()
                .filter(row -> row.service().equals(service) && !row.stale(now)
                        && !row.state().equals("stopped") && !row.state().equals("failed"))
                .sorted(Comparator.comparing(InstanceRow::name)).toList();
    }

    /**
     * The request as asked for, except that min-ready never exceeds the instances that are not redeploying: with
     * one instance, none other can stay ready (its old color serves until the new one is ready).
     */
    private RedeployRequest request(int instanceCount) {
        int batchSize = Math.max(1, Math.min(batch.get(), instanceCount));
        int ready = Math.max(0, Math.min(minReady.get(), instanceCount - batchSize));
        return RedeployRequest.create(clock.instant(), Optional.of(build.get()), batchSize, ready);
    }

    private static String describe(String service, List<InstanceRow> targets, RedeployRequest request,
            String config) {
        return "Redeploy " + service + ": " + count(targets.size(), "instance") + " ("
                + String.join(", ", targets.stream().map(InstanceRow::name).toList()) + ") each start a new color with "
                + config + ", take new requests once it is ready and drain the old color. "
                + request.batch() + " at a time, at least " + request.minReady() + " other"
                + (request.minReady() == 1 ? "" : "s") + " kept ready, target "
                + request.build().map(b -> "build " + b).orElse("unchanged (no build given)") + ".";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void started(String service, RedeployRequest request, List<InstanceRow> targets) {
        Map<String, String> before = new TreeMap<>();
        targets.forEach(row -> before.put(row.name(), row.redeploy().id()));
        started(service, new Tracking(service, Optional.of(request.id()), before), targets);
    }

    private void started(String service, Tracking followed, List<InstanceRow> targets) {
        tracking = followed;
        running.set(true);
        dialogs.notify(Severity.INFO, "Redeploy of " + service + " requested for " + count(targets.size(), "instance")
                + "; progress shows in the Redeploy column.");
        follow();
    }

    /** Recomputes the progress line from the instance rows; ends the redeploy when every instance finished. */
    private void follow() {
        if (tracking == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String> states = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int finished = 0;
        for (String name : tracking.idsBefore().keySet()) {
            InstanceRow row = instances.getRows().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
            String state;
            if (row == null || row.stale(now)) {
                state = row == null ? "gone" : "stale";
                finished++;
                failures.add(name + " is " + state);
            } else if (tracking.concerns(row)) {
                state = row.redeploy().state() + (row.color().isEmpty() ? "" : " (color " + row.color() + ")");
                if (row.redeploy().finished()) {
                    finished++;
                    if (row.redeploy().state().equals("failed")) {
                        failures.add(name + ": " + (row.redeploy().message().isEmpty() ? "failed"
                                : row.redeploy().message()));
                    }
                }
            } else {
                state = "waiting for the launcher";
            }
            states.put(name, state);
        }
        List<String> parts = new ArrayList<>();
        states.forEach((name, state) -> parts.add(name + " " + state));
        int total = states.size();
        progress.set("Redeploy of " + tracking.service() + ": " + finished + " of " + total + " finished · "
                + String.join(" · ", parts));
        if (finished == total) {
            end(failures);
        }
    }

    private void end(List<String> failures) {
        String service = tracking.service();
        tracking = null;
        running.set(false);
        Outcome result = failures.isEmpty()
                ? new Outcome(true, "Redeploy of " + service + " finished: every instance serves the new color.")
                : new Outcome(false, "Redeploy of " + service + " failed: " + String.join("; ", failures)
                + ". The old color keeps serving where the new one failed.");
        outcome.set(result);
        dialogs.notify(result.success() ? Severity.SUCCESS : Severity.ERROR, result.sentence());
    }

    private void failed(String doing, Exception failure) {
        connection.reportFailure(failure);
        dialogs.showFailure(doing, failure);
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public IntegerProperty minReadyProperty() {
        return minReady;
    }

    /** The build the new colors report ({@code target.build}); blank leaves it to the launcher. */
    public StringProperty buildProperty() {
        return build;
    }

    /** One line: how many instances finished and each one's state; empty before the first redeploy. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last redeploy's outcome; the view shows each new one as a notification. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
