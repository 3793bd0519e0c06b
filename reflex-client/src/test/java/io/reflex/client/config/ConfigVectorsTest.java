package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Named.named;

/**
 * Every case of {@code config-flatten-bct.json}. Where the file records both the original's
 * output ({@code expected}) and the docs' intent ({@code docs_variant}), the docs' intent is
 * asserted: objects under procvar paths stay nested JSON (reference section 9 item 15).
 */
class ConfigVectorsTest {

    private static final JsonNode VECTORS = Vectors.load("config-flatten-bct.json");
    private static final JsonNode INPUTS = VECTORS.get("inputs");
    private static final JsonNode EXPECTED = VECTORS.get("expected");
    private static final JsonNode DOCS = VECTORS.get("docs_variant");
    private static final String CFGDIR = INPUTS.get("cfgdir").asText();

    private final InMemorySource bctSource = InMemorySource.of(INPUTS.get("configs"));

    @Test
    void bctFlattensToTheDocumentedConfWithNestedProcvarObjects() {
        FlattenedConfig flat = bctFlattener(Optional.empty()).flatten("bct-tst");

        assertThat(flat.conf()).isEqualTo(withNestedReplset(EXPECTED.get("flattened"), "sensitive", "config", "db"));
        assertThat(bctSource.requests()).containsExactlyElementsOf(texts(EXPECTED.get("walk_order")));
    }

    @Test
    void bctVariableTableHoldsEveryProcvarKey() {
        FlattenedConfig flat = bctFlattener(Optional.empty()).flatten("bct-tst");

        assertThat(flat.variables()).isEqualTo(withNestedReplset(EXPECTED.get("variables_after_process")));
    }

    @Test
    void bctCommitComputesTheThreeFilesByteForByte() {
        ConfigFlattener flattener = bctFlattener(Optional.empty());
        LaunchPlan plan = flattener.commit(flattener.flatten("bct-tst"));

        Map<String, ConfigFile> files = plan.files().stream()
                .collect(Collectors.toMap(ConfigFile::dest, file -> file, (a, b) -> a, LinkedHashMap::new));
        assertThat(files.keySet()).containsExactly("local.xml", "local-production.json", "local.keystore");
        JsonNode expectedFiles = EXPECTED.get("files");
        assertThat(files.get("local.xml").bytes()).isEqualTo(base64(expectedFiles.at("/local.xml/bytes_base64")));
        assertThat(files.get("local.keystore").bytes()).isEqualTo(base64(expectedFiles.at("/local.keystore/bytes_base64")));
        byte[] json = files.get("local-production.json").bytes();
        assertThat(Json.parse(new String(json, StandardCharsets.UTF_8)))
                .isEqualTo(DOCS.at("/files/local-production.json/json"));
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(
                "{\"db\":{\"server\":\"test-db\",\"db\":\"test_db\",\"user\":\"test_user\","
                        + "\"pass\":\"not a good password\",\"replset\":{\"rs_name\":\"myReplicaSetName\"}}}");
        assertThat(plan.files()).allSatisfy(file -> {
            assertThat(file.path()).isEqualTo(CFGDIR + "/" + file.dest());
            assertThat(file.mode()).isEqualTo(0600);
        });
        List<String> requested = new ArrayList<>(texts(EXPECTED.get("walk_order")));
        requested.addAll(texts(EXPECTED.get("export_order")));
        assertThat(bctSource.requests()).containsExactlyElementsOf(requested);
    }

    @Test
    void bctCommitLogsInTheOriginalOrderAndReportsTheMissingVariable() {
        ConfigFlattener flattener = bctFlattener(Optional.empty());
        LaunchPlan plan = flattener.commit(flattener.flatten("bct-tst"));

        assertThat(plan.log()).containsExactlyElementsOf(texts(EXPECTED.get("log_lines")));
        assertThat(plan.warnings()).containsExactly(
                new MissingVariable("bct-config1", "content.source=local.xml.in", List.of("DB_URL")));
    }

    @Test
    void bctCommitSetsTheVariablesAndTheUnderscoreAliasButNeverTheJunkMarker() {
        ConfigFlattener flattener = bctFlattener(Optional.empty());
        LaunchPlan plan = flattener.commit(flattener.flatten("bct-tst"));

        assertThat(values(plan.setenv())).isEqualTo(Json.stringMap(EXPECTED.get("setenv_after_commit")));
        Map<String, String> environment = values(plan.environment());
        assertThat(environment)
                .containsAllEntriesOf(Json.stringMap(EXPECTED.at("/process_environment/set_from_setenv")))
                .containsAllEntriesOf(Json.stringMap(DOCS.get("environment")));
        assertThat(environment.keySet()).noneMatch(name -> name.startsWith("\f"));
        assertThat(plan.environment().values()).filteredOn(EnvVar::sensitive).extracting(EnvVar::name)
                .containsExactly("MONGO-URI", "MONGO_URI");
    }

    @Test
    void bctLaunchEnvInExecModePrintsTheOriginalLines() {
        ConfigFlattener flattener = bctFlattener(Optional.of(Peers.none()));
        LaunchPlan plan = flattener.prepare(flattener.flatten("bct-tst"));

        JsonNode execMode = EXPECTED.get("launch_exec_mode");
        assertThat(values(plan.setenv())).isEqualTo(Json.stringMap(execMode.get("setenv")));
        assertThat(LaunchOutput.env(plan, true))
                .isEqualTo(String.join("\n", texts(execMode.get("launch_env_stdout"))) + "\n");
        assertThat(plan.files()).isEmpty();
        assertThat(bctSource.requests()).containsExactlyElementsOf(texts(EXPECTED.get("walk_order")));
    }

    static Stream<Arguments> additionalCases() {
        return StreamSupport.stream(VECTORS.get("additional_cases").spliterator(), false)
                .map(vectorCase -> Arguments.of(named(vectorCase.get("name").asText(), vectorCase)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additionalCases")
    void additionalCaseMatchesTheVector(JsonNode vectorCase) {
        InMemorySource source = InMemorySource.of(vectorCase.get("configs"));
        ConfigFlattener.Builder builder = ConfigFlattener.builder(source)
                .environment(Json.stringMap(vectorCase.path("environment")))
                .contentFiles(filesIn(vectorCase.path("cfgdir").asText(), vectorCase.path("cfgdir_files")));
        if (vectorCase.has("cfgdir")) {
            builder.cfgdir(vectorCase.get("cfgdir").asText());
        }
        ConfigFlattener flattener = builder.build();
        String top = vectorCase.get("top").asText();
        JsonNode expected = vectorCase.get("expected");

        if (expected.has("error")) {
            String message = expected.get("error").asText().replaceFirst("^\\w+Error: ", "");
            assertThatThrownBy(() -> flattener.flatten(top)).isExactlyInstanceOf(ConfigException.class).hasMessage(message);
        } else if (expected.has("recommended")) {
            assertThatThrownBy(() -> flattener.flatten(top)).isInstanceOfSatisfying(VariableCycleException.class,
                    cycle -> assertThat(cycle.path().subList(0, cycle.path().size() - 1)).contains(cycle.path().getLast()));
        } else if (expected.has("flattened")) {
            FlattenedConfig flat = flattener.flatten(top);
            ObjectNode conf = flat.conf();
            expected.get("flattened").properties().forEach(field ->
                    assertThat(conf.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue()));
            if (vectorCase.path("commit").asBoolean()) {
                Map<String, String> files = flattener.commit(flat).files().stream().collect(Collectors.toMap(
                        ConfigFile::dest, file -> new String(file.bytes(), StandardCharsets.UTF_8)));
                assertThat(files).isEqualTo(Json.stringMap(expected.get("files")));
            }
        } else {
            fail("Vector case " + vectorCase.get("name") + " has an expectation this test does not know");
        }
    }

    private ConfigFlattener bctFlattener(Optional<Peers> peers) {
        ConfigFlattener.Builder builder = ConfigFlattener.builder(bctSource)
                .environment(Json.stringMap(INPUTS.get("environment")))
                .cfgdir(CFGDIR)
                .contentFiles(filesIn(CFGDIR, INPUTS.get("cfgdir_files")));
        peers.ifPresent(builder::peers);
        return builder.build();
    }

    private static ContentFiles filesIn(String cfgdir, JsonNode filesByName) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        filesByName.properties().forEach(file ->
                files.put(cfgdir + "/" + file.getKey(), file.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        return path -> Optional.ofNullable(files.get(path));
    }

    /** The docs' {@code replset} is an object; the original's is its Python repr. */
    private static JsonNode withNestedReplset(JsonNode original, String... pathToDb) {
        ObjectNode copy = original.deepCopy();
        ObjectNode db = copy;
        for (String key : pathToDb) {
            db = (ObjectNode) db.get(key);
        }
        assertThat(db.get("replset").asText()).isEqualTo("{'rs_name': 'myReplicaSetName'}");
        db.set("replset", DOCS.at("/files/local-production.json/json/db/replset"));
        return copy;
    }

    private static Map<String, String> values(Map<String, EnvVar> variables) {
        return variables.values().stream().collect(Collectors.toMap(EnvVar::name, EnvVar::value));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }
}
