package io.reflex.launcher.nativeos;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadPriorityTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void lowersTheNamedThreadsOnlyAndTheThreadsTheyStartInheritIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch lowered = new CountDownLatch(1);
        AtomicReference<Thread> child = new AtomicReference<>();
        Thread named = Thread.ofPlatform().name("prio-test-worker").start(() -> {
            try {
                lowered.await();
                child.set(Thread.ofPlatform().name("prio-child").start(() -> await(release)));
                await(release);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread other = Thread.ofPlatform().name("prio-other").start(() -> await(release));
        try {
            awaitThread("prio-test-worker");
            awaitThread("prio-other");
            int otherBefore = niceness("prio-other");

            assertThat(ThreadPriority.lowerThreadsNamed("prio-test", 7)).isEqualTo(1);
            lowered.countDown();
            awaitThread("prio-child");

            assertThat(niceness("prio-test-worker")).isEqualTo(7);
            assertThat(niceness("prio-child")).isEqualTo(7);
            assertThat(niceness("prio-other")).isEqualTo(otherBefore).isNotEqualTo(7);
        } finally {
            release.countDown();
            named.join();
            other.join();
            if (child.get() != null) {
                child.get().join();
            }
        }
    }

    @Test
    void refusesNicenessOutsideWhatAnUnprivilegedProcessMaySet() {
        assertThatThrownBy(() -> ThreadPriority.lowerThreadsNamed("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadPriority.lowerThreadsNamed("x", 20)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitThread(String name) throws Exception {
        for (int i = 0; i < 500 && tid(name) == null; i++) {
            Thread.sleep(10);
        }
    }

    /** Field 19 of /proc/self/task/TID/stat, counted after the parenthesised name. */
    private static int niceness(String name) throws IOException {
        String stat = Files.readString(TASKS.resolve(tid(name)).resolve("stat"));
        List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        return Integer.parseInt(fields.get(16));
    }

    private static String tid(String name) throws IOException {
        String shown = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).strip().equals(shown);
                } catch (IOException gone) {
                    return false;
                }
            }).map(task -> task.getFileName().toString()).findFirst().orElse(null);
        }
    }
}
