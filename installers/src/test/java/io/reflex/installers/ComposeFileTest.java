package io.reflex.installers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * installers/docker: no Docker runs here, so the example is checked for what would break it silently: that the
 * compose file parses, and that it, the Dockerfile and the tarball the build makes agree with each other and with
 * what launch reads (the secret's name, the engine's address).
 */
class ComposeFileTest {

    private static final Path DOCKER = Path.of("docker");
    private static final String VERSION_DEFAULT = "${REFLEX_VERSION:-" + System.getProperty("image.version") + "}";
    static JsonNode compose;
    static String dockerfile;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("docker-compose.yml").toFile());
        dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    }

    @Test
    void dockerfileCopiesTheTarballThisBuildMakesAndStartsLaunch() {
        assertThat(dockerfile).contains("ARG VERSION=" + System.getProperty("image.version") + "\n",
                "COPY reflex-launch-${VERSION}-linux-x64.tar.gz ");
        assertThat(Path.of(System.getProperty("image.tarball")).getFileName().toString())
                .isEqualTo("reflex-launch-" + System.getProperty("image.version") + "-linux-x64.tar.gz");
        assertThat(dockerfile).contains("\nENTRYPOINT [\"/opt/reflex/bin/launch\"]\n");
    }

    @Test
    void engineIsBuiltFromTheDockerfileAndRunsTheImagesEngine() {
        JsonNode engine = compose.at("/services/engine");
        Path context = DOCKER.resolve(engine.at("/build/context").asText()).normalize();
        assertThat(context).isEqualTo(Path.of("target"));
        assertThat(context.resolve(engine.at("/build/dockerfile").asText()).normalize()).isEqualTo(DOCKER.resolve("Dockerfile"));
        assertThat(engine.at("/build/args/VERSION").asText()).isEqualTo(VERSION_DEFAULT);
        assertThat(engine.at("/image").asText()).isEqualTo("reflex-launch:" + VERSION_DEFAULT);
        assertThat(texts(engine.at("/entrypoint"))).containsExactly("/opt/reflex/bin/reflex-engine");
        assertThat(texts(engine.at("/command"))).contains("--listen=0.0.0.0:54000");
        assertThat(texts(engine.at("/healthcheck/test"))).last().asString().endsWith("/dev/tcp/127.0.0.1/54000");
        String dataDir = texts(engine.at("/command")).stream().filter(a -> a.startsWith("--data=")).findFirst()
                .orElseThrow().substring("--data=".length());
        assertThat(texts(engine.at("/volumes"))).contains("engine-data:" + dataDir);
        assertThat(compose.at("/volumes").has("engine-data")).isTrue();
        assertThat(dockerfile).contains("/var/lib/reflex/engine");
    }

    @Test
    void appStartsThroughLaunchWithTheEngineAddressAndTheApikeyAsASecret() {
        JsonNode app = compose.at("/services/app");
        assertThat(app.at("/image").asText()).isEqualTo(compose.at("/services/engine/image").asText());
        assertThat(app.has("entrypoint")).as("the image's entrypoint is launch").isFalse();
        assertThat(texts(app.at("/command"))).first().isEqualTo("service");
        assertThat(app.at("/environment/REFLEX_URL").asText()).isEqualTo("http://engine:54000/api/v1");
        assertThat(app.at("/environment/REFLEX_SERVICE").asText()).isNotBlank();
        assertThat(app.at("/environment").has("REFLEX_APIKEY")).as("the apikey is a secret, not a variable").isFalse();
        assertThat(app.at("/depends_on/engine/condition").asText()).isEqualTo("service_healthy");

        JsonNode secret = app.at("/secrets/0");
        assertThat(secret.at("/target").asText()).isEqualTo("REFLEX_APIKEY");
        Matcher file = Pattern.compile("\\./(secrets/[\\w.-]+)").matcher(
                compose.at("/secrets/" + secret.at("/source").asText() + "/file").asText());
        assertThat(file.matches()).isTrue();
        assertThat(DOCKER.resolve(file.group(1)).getParent().resolve(".gitignore")).isRegularFile();
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a list: %s", array).isTrue();
        return array.valueStream().map(JsonNode::asText).toList();
    }
}
