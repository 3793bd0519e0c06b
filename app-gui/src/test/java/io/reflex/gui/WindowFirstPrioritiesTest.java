package io.reflex.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.gui.connection.LocalEngineTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's busy background threads run below its window's (nice 10 against 0): the local engine's once it has
 * booted, and HotSpot's C2 compiler. Read with {@code ps}, as an operator would check it.
 */
class WindowFirstPrioritiesTest {

    @TempDir
    Path data;

    @Test
    void everyThreadOfTheLocalEngineRunsAtNiceTenOnceItHasBooted() throws Exception {
        LocalEngineTarget local = new LocalEngineTarget(data);
        try {
            local.open().client().list(ObjectType.SERVICE);

            List<Task> engine = tasks().stream().filter(task -> task.name().startsWith("reflex-engine-")).toList();
            assertThat(engine).extracting(Task::name)
                    .anyMatch(name -> name.startsWith("reflex-engine-h"))
                    .anyMatch(name -> name.startsWith("reflex-engine-a"));
            assertThat(engine).allSatisfy(task -> assertThat(task.nice()).as(task.name()).isEqualTo(10));
        } finally {
            local.close();
        }
    }

    @Test
    void theOptimisingCompilerRunsAtNiceTenAndTheQuickOneKeepsZero() throws Exception {
        CompilerPriority.lowerOptimisingCompiler();

        List<Task> tasks = tasks();
        assertThat(tasks).filteredOn(task -> task.name().startsWith("C2 CompilerThre"))
                .isNotEmpty().allSatisfy(task -> assertThat(task.nice()).isEqualTo(10));
        assertThat(tasks).filteredOn(task -> task.name().startsWith("C1 CompilerThre"))
                .isNotEmpty().allSatisfy(task -> assertThat(task.nice()).isZero());
    }

    private record Task(String name, int nice) {
    }

    /** This JVM's threads as {@code ps -L} shows them: the kernel's 15-character name, then the nice value. */
    private static List<Task> tasks() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-L", "-o", "comm=,nice=", "-p", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        String output = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor()).as(output).isZero();
        List<Task> tasks = new ArrayList<>();
        for (String line : output.strip().split("\n")) {
            String trimmed = line.strip();
            int last = trimmed.lastIndexOf(' ');
            tasks.add(new Task(trimmed.substring(0, last).strip(), Integer.parseInt(trimmed.substring(last + 1))));
        }
        return tasks;
    }
}
