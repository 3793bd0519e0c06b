package io.reflex.launcher.cli;

import io.reflex.launcher.ExitReason;
import io.reflex.launcher.LaunchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(5)
class ArgumentsTest {

    @Test
    void abbreviatedCommandTargetOptionsAndAppArguments() {
        Arguments args = Arguments.parse("serv", "web:migrate", "--mode=supervise", "--grace", "500ms", "-x", "--", "--port", "1");

        assertThat(args.command()).isEqualTo("service");
        assertThat(args.target()).contains("web:migrate");
        assertThat(args.mode()).isEqualTo(Arguments.Mode.SUPERVISE);
        assertThat(args.grace()).isEqualTo(Duration.ofMillis(500));
        assertThat(args.appArguments()).as("unknown options pass through").containsExactly("-x", "--port", "1");
    }

    @Test
    void aliasesAndDefaults() {
        Arguments args = Arguments.parse("cfg");

        assertThat(args.command()).isEqualTo("config");
        assertThat(args.target()).isEqualTo(Optional.empty());
        assertThat(args.mode()).isEqualTo(Arguments.Mode.EXEC);
        assertThat(args.waitForEngine()).isEqualTo(Duration.ofSeconds(30));
        assertThat(args.reloadSignal()).isEqualTo("HUP");
        assertThat(Arguments.parse("app", "--", "a").appArguments()).isEqualTo(List.of("a"));
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] argv : List.of(new String[] {"service", "--mode", "fork"}, new String[] {"service", "--grace", "soon"},
                new String[] {"bogus"}, new String[] {"service", "--wait"}, new String[] {},
                new String[] {"service", "--watch"}, new String[] {"service", "--restart", "on-failure"})) {
            assertThatThrownBy(() -> Arguments.parse(argv)).isInstanceOf(LaunchException.class)
                    .extracting(e -> ((LaunchException) e).reason()).isEqualTo(ExitReason.USAGE);
        }
    }

    @Test
    void actionCommandTakesItsSubCommandActionArgumentsAndOptions() {
        Arguments args = Arguments.parse("act", "run", "build", "--expose-meta", "--config=x", "fast");

        assertThat(args.command()).isEqualTo("action");
        assertThat(args.target()).contains("run");
        assertThat(args.appArguments()).containsExactly("build", "fast");
        assertThat(args.exportMeta()).isTrue();
        assertThat(args.actionConfig()).contains("x");
        assertThat(Arguments.parse("action", "ls").exportMeta()).isFalse();
    }
}
