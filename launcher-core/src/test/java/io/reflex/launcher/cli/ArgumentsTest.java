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
                new String[] {"service", "--watch"}, new String[] {"service", "--restart", "on-failure"},
                new String[] {"service", "--exit-with-parent"})) {
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

    @Test
    void proxyTakesAnOptionalAddressAndImpliesSuperviseMode() {
        Arguments bare = Arguments.parse("service", "web", "--proxy", "--health", "/health", "--drain", "5s");
        assertThat(bare.mode()).isEqualTo(Arguments.Mode.SUPERVISE);
        assertThat(bare.redeploy().proxy()).contains("");
        assertThat(bare.redeploy().health()).contains("/health");
        assertThat(bare.redeploy().drain()).contains(Duration.ofSeconds(5));

        Arguments valued = Arguments.parse("service", "web", "--proxy", "0.0.0.0:8080", "--expect=204", "--",
                "8081");
        assertThat(valued.redeploy().proxy()).contains("0.0.0.0:8080");
        assertThat(valued.redeploy().expect()).contains(204);
        assertThat(valued.appArguments()).containsExactly("8081");
        assertThat(Arguments.parse("service", "--proxy", "9000").redeploy().proxy()).contains("9000");
    }

    @Test
    void redeployCommandTakesABuildAndAConfig() {
        Arguments args = Arguments.parse("redeploy", "web", "--build", "1.4.2", "--config", "web-canary");

        assertThat(args.command()).isEqualTo("redeploy");
        assertThat(args.target()).contains("web");
        assertThat(args.redeploy().build()).contains("1.4.2");
        assertThat(args.actionConfig()).contains("web-canary");
    }

    @Test
    void badProxyOptionsAreUsageErrors() {
        for (String[] argv : List.of(new String[] {"service", "--proxy", "--mode", "exec"},
                new String[] {"service", "--proxy", "--expect", "ok"}, new String[] {"service", "--expect", "999"},
                new String[] {"service", "--warmup", "later"}, new String[] {"service", "--control"})) {
            assertThatThrownBy(() -> Arguments.parse(argv)).isInstanceOf(LaunchException.class)
                    .extracting(e -> ((LaunchException) e).reason()).isEqualTo(ExitReason.USAGE);
        }
    }
}
