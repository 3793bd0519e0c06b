package io.reflex.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reflex.engine.EngineMainAccess;
import io.reflex.engine.EngineSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine command reads the original's configuration, its own config file and its flags. */
class EngineMainTest {

    @TempDir
    Path dir;

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void readsTheOriginalsConfigFromTheEnvironmentAsBase64Json() throws Exception {
        String json = "{\"server\": {\"route_base\": \"/reflex/api/v1\", \"port\": 54123, \"host\": \"127.0.0.1\"},"
                + " \"auth\": {\"expires\": 120}, \"crypto\": {\"abc\": {\"key\": \"" + KEY + "\", \"default\": true}},"
                + " \"db\": {\"host\": \"db.example\", \"user\": \"reflex\", \"database\": \"reflex_engine\"}}";
        EngineSettings settings = EngineMainAccess.settings(
                Map.of("REFLEX_ENGINE_CONFIG", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))),
                dir, "--data", dir.toString());
        assertThat(settings.routeBase()).isEqualTo("/reflex/api/v1");
        assertThat(settings.port()).isEqualTo(54123);
        assertThat(settings.sessionSeconds()).isEqualTo(120);
        assertThat(settings.defaultKey()).contains("abc");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example:3306/reflex_engine");
        assertThat(settings.dbUser()).contains("reflex");
    }

    @Test
    void dockerSecretWinsOverTheEnvironmentAndFlagsWinOverBoth() throws Exception {
        Files.writeString(dir.resolve("REFLEX_ENGINE_CONFIG"), "{\"server\": {\"port\": 1111}}\n");
        Path config = dir.resolve("engine.json");
        Files.writeString(config, "{\"server\": {\"port\": 2222}, \"heartbeat\": 3}");
        EngineSettings settings = EngineMainAccess.settings(Map.of("REFLEX_ENGINE_CONFIG", "{\"server\": {\"port\": 9}}"),
                dir, "--config", config.toString(), "--listen", "127.0.0.1:3333", "--data", dir.toString());
        assertThat(settings.port()).isEqualTo(3333);
        assertThat(settings.heartbeat().toSeconds()).isEqualTo(3);
        EngineSettings fromSecret = EngineMainAccess.settings(Map.of(), dir, "--data", dir.toString());
        assertThat(fromSecret.port()).isEqualTo(1111);
    }

    @Test
    void badConfigurationIsExplainedInOneSentence() {
        assertThatThrownBy(() -> EngineMainAccess.settings(Map.of("REFLEX_ENGINE_CONFIG", "{not json"), dir))
                .hasMessageStartingWith("REFLEX_ENGINE_CONFIG is neither JSON nor base64 JSON");
        assertThatThrownBy(() -> EngineMainAccess.settings(Map.of(), dir, "--listen", "nohost"))
                .hasMessage("--listen must be HOST:PORT, e.g. 127.0.0.1:54000");
        assertThatThrownBy(() -> EngineMainAccess.settings(Map.of(), dir, "--config", dir.resolve("missing.json").toString()))
                .hasMessageStartingWith("cannot read config file");
        assertThatThrownBy(() -> EngineMainAccess.settings(Map.of("REFLEX_ENGINE_CONFIG",
                "{\"crypto\": {\"abc\": {\"key\": \"%%%\"}}}"), dir))
                .hasMessage("REFLEX_ENGINE_CONFIG: crypto key 'abc' is not base64");
    }

    @Test
    void commandLineErrorsExitWithOneLineAndStatusOne() {
        EngineMainAccess.Run run = EngineMainAccess.run(Map.of(), dir, "--listen", "nohost");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("reflex-engine: --listen must be HOST:PORT, e.g. 127.0.0.1:54000\n");
        assertThat(EngineMainAccess.run(Map.of(), dir, "--no-such-flag").exitCode()).isEqualTo(2);
    }
}
