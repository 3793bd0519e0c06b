package io.reflex.launcher.lifecycle;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.log.RecordingLog;
import io.reflex.launcher.nativeos.ExitStatus;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The controller's ordering and error rules, with fake components and a pause that does not sleep. */
@Timeout(10)
class ControllerTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final RecordingLog log = new RecordingLog();
    private final Controller controller = new Controller(log, pauses::add);

    @Test
    void startsInOrderAndStopsInReverseWithTheAppsExitCode() {
        Fake heartbeat = new Fake("heartbeat", Optional.empty());
        Fake sidecar = new Fake("sidecar", Optional.empty());
        Fake app = new Fake("app", Optional.empty());
        assertThat(controller.launch(heartbeat, false)).isTrue();
        assertThat(controller.launch(sidecar, false)).isTrue();
        assertThat(controller.launch(app, true)).isTrue();

        app.end(ExitStatus.killed(15));

        assertThat(controller.await()).isEqualTo(143);
        assertThat(events).containsExactly("start heartbeat", "start sidecar", "start app",
                "stop app", "stop sidecar", "stop heartbeat");
    }

    @Test
    void readinessGivesUpAfterMaxAttemptsWithDoublingBackoffAndStopsEverythingStarted() {
        Fake sidecar = new Fake("sidecar", Optional.empty());
        AtomicInteger asked = new AtomicInteger();
        Fake app = new Fake("app", Optional.of(new Readiness(timeout -> {
            asked.incrementAndGet();
            return false;
        }, "never", 4, Duration.ofMillis(100), Duration.ofSeconds(1))));
        controller.launch(sidecar, false);

        assertThat(controller.launch(app, true)).isFalse();

        assertThat(asked).hasValue(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(controller.await()).isEqualTo(ExitReason.LIFECYCLE_FAILED.code());
        assertThat(events).endsWith("stop app", "stop sidecar");
        assertThat(log.lines()).anyMatch(line -> line.contains("Component app failed: not ready after 4 attempts"));
    }

    @Test
    void aProbeThatHangsCountsAsNotReadyAfterItsTimeout() {
        Fake app = new Fake("app", Optional.of(new Readiness(timeout -> {
            Thread.sleep(60_000);
            return true;
        }, "hangs", 2, Duration.ofMillis(10), Duration.ofMillis(100))));

        assertThat(controller.launch(app, true)).isFalse();
        assertThat(controller.await()).isEqualTo(ExitReason.LIFECYCLE_FAILED.code());
    }

    @RepeatedTest(3)
    void theFirstErrorIsTheExitReasonAndNamesTheComponent() {
        Fake sidecar = new Fake("sidecar", Optional.empty());
        Fake app = new Fake("app", Optional.empty());
        controller.launch(sidecar, false);
        controller.launch(app, true);

        sidecar.end(ExitStatus.exited(3));

        assertThat(controller.await()).isEqualTo(3);
        assertThat(controller.failure()).get().extracting(Failure::component).isEqualTo("sidecar");
        assertThat(events).endsWith("stop app", "stop sidecar");
    }

    @Test
    void aComponentThatEndsBeforeItIsReadyFailsTheLaunch() {
        Fake app = new Fake("app", Optional.of(new Readiness(timeout -> false, "never", 5,
                Duration.ofMillis(1), Duration.ofSeconds(1))));
        app.endOnStart = true;

        assertThat(controller.launch(app, true)).isFalse();
        assertThat(controller.failure()).get().extracting(Failure::message).asString().contains("ended before it was ready");
    }

    @Test
    void aRequestedStopWithoutErrorReturnsTheAppsCode() {
        Fake app = new Fake("app", Optional.empty());
        controller.launch(app, true);

        controller.requestStop(Optional.empty());

        assertThat(controller.await()).isZero();
        assertThat(controller.failure()).isEmpty();
    }

    private final class Fake implements Component {
        private final String name;
        private final Optional<Readiness> readiness;
        private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        private boolean endOnStart;

        Fake(String name, Optional<Readiness> readiness) {
            this.name = name;
            this.readiness = readiness;
        }

        void end(ExitStatus status) {
            exit.complete(status);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletableFuture<ExitStatus> start() {
            events.add("start " + name);
            if (endOnStart) {
                exit.complete(ExitStatus.exited(1));
            }
            return exit;
        }

        @Override
        public Optional<Readiness> readiness() {
            return readiness;
        }

        @Override
        public void stop() {
            events.add("stop " + name);
            exit.complete(ExitStatus.exited(0));
        }
    }
}
