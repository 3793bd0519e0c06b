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

    @Test
    void watchLinksTakesItsFileOnlyInline() {
        Arguments defaults = Arguments.parse("service", "web", "--mode", "supervise", "--watch-links", "--debug");
        Arguments custom = Arguments.parse("service", "--mode", "supervise", "--watch-links=/run/links.json", "web",
                "--links-signal", "sigusr1");

        assertThat(defaults.watchLinks()).isTrue();
        assertThat(defaults.linksFile()).isEmpty();
        assertThat(defaults.linksSignal()).isEqualTo("HUP");
        assertThat(defaults.debug()).as("--debug takes no value").isTrue();
        assertThat(custom.linksFile()).contains(java.nio.file.Path.of("/run/links.json"));
        assertThat(custom.target()).contains("web");
        assertThat(custom.linksSignal()).isEqualTo("USR1");
    }

    @Test
    void instancesCommandAndItsFormat() {
        assertThat(Arguments.parse("inst", "web").command()).isEqualTo("instances");
        assertThat(Arguments.parse("instances", "--format", "json").format()).isEqualTo("json");
        assertThat(Arguments.parse("instances").format()).isEqualTo("table");
        for (String[] argv : List.of(new String[] {"instances", "--format", "yaml"},
                new String[] {"service", "--watch-links"}, new String[] {"service", "--links-signal", "KILL"})) {
            assertThatThrownBy(() -> Arguments.parse(argv)).isInstanceOf(LaunchException.class)
                    .extracting(e -> ((LaunchException) e).reason()).isEqualTo(ExitReason.USAGE);
        }
    }
}
