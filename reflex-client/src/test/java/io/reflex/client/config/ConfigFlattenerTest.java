package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFlattenerTest {

    private final InMemorySource source = new InMemorySource();
    private final Map<String, byte[]> cfgdirFiles = new LinkedHashMap<>();

    @Test
    void childWinsOverParentInExtends() {
        config("C", "{'extends': ['P'], 'sensitive': {'parameters': {'X': 'c'}}, 'setenv': {'E': 'c'}}");
        config("P", "{'sensitive': {'parameters': {'X': 'p', 'Y': 'p'}}, 'setenv': {'E': 'p', 'F': 'p'}}");

        ObjectNode conf = flattener().flatten("C").conf();

        assertThat(conf.at("/sensitive/parameters")).isEqualTo(Json.parse("{'X': 'c', 'Y': 'p'}"));
        assertThat(conf.get("setenv")).isEqualTo(Json.parse("{'E': 'c', 'F': 'p'}"));
    }

    @Test
    void importOverridesTheImportingConfig() {
        config("C", "{'imports': ['I'], 'setenv': {'E': 'c'}}");
        config("I", "{'setenv': {'E': 'i'}}");

        assertThat(flattener().flatten("C").conf().at("/setenv/E").asText()).isEqualTo("i");
    }

    @Test
    void exportsAndProcvarsAccumulateAsOrderedUnionsNewestFirst() {
        config("C", "{'extends': ['P'], 'exports': ['a', 'b'], 'procvars': ['sensitive.x']}");
        config("P", "{'exports': ['b', 'c'], 'procvars': ['sensitive.y'], 'sensitive': {'x': {}, 'y': {}}}");

        ObjectNode conf = flattener().flatten("C").conf();

        assertThat(conf.get("exports")).isEqualTo(Json.parse("['b', 'c', 'a']"));
        assertThat(conf.get("procvars")).isEqualTo(Json.parse("['sensitive.y', 'sensitive.x']"));
    }

    @Test
    void deprecatedExportAndMacroExpansionKeysStillWork() {
        config("C", "{'export': ['F']}");
        config("F", "{'type': 'file', 'macroExpansion': true, 'content': {'dest': 'f', 'ref': 'sensitive.t'},"
                + " 'sensitive': {'t': '%{V}'}}");

        LaunchPlan plan = commit("C", Map.of("V", "v"));

        assertThat(text(plan.files().getFirst())).isEqualTo("v");
    }

    @Test
    void missingConfigAbortsFlatteningWithItsReference() {
        config("C", "{'extends': ['gone.7']}");

        assertThatThrownBy(() -> flattener().flatten("C"))
                .isInstanceOfSatisfying(ConfigNotFoundException.class, e -> assertThat(e.ref()).isEqualTo("gone.7"));
    }

    @Test
    void missingVariableBecomesEmptyAndIsReportedWithItsPath() {
        config("C.4", "{'sensitive': {'parameters': {'A': 'a=%{NOPE}'}}, 'setenv': {'Y': '%{GONE}', 'Z': '%{A}'}}");

        FlattenedConfig flat = flattener().flatten("C.4");

        assertThat(flat.conf().get("setenv")).isEqualTo(Json.parse("{'Y': '', 'Z': 'a='}"));
        assertThat(flat.warnings()).containsExactly(
                new MissingVariable("C", "sensitive.parameters.A", List.of("A", "NOPE")),
                new MissingVariable("C", "setenv.Y", List.of("GONE")));
        assertThat(flat.log()).containsExactly("Processing config object C",
                "Unable to find expansion match for key 'NOPE'", "Unable to find expansion match for key 'GONE'");
    }

    @Test
    void selfReferenceResolvesEmptyAndIsReportedAsTheLoopItCloses() {
        config("C", "{'sensitive': {'parameters': {'a': '%{b}', 'b': '<%{a}>'}}}");

        FlattenedConfig flat = flattener().flatten("C");

        assertThat(flat.conf().at("/sensitive/parameters")).isEqualTo(Json.parse("{'a': '<>', 'b': '<<>>'}"));
        assertThat(flat.warnings()).extracting(MissingVariable::path).containsExactly(List.of("a", "b", "a"));
    }

    @Test
    void flattenReportsCycleWithVariablePath() {
        config("C", "{'sensitive': {'parameters': {'a': '%{b}', 'b': '%{c}', 'c': 'x%{b}'}}}");

        assertThatThrownBy(() -> flattener().flatten("C"))
                .isInstanceOfSatisfying(VariableCycleException.class, e -> {
                    assertThat(e.path()).containsExactly("a", "b", "c", "b");
                    assertThat(e.field()).isEqualTo("sensitive.parameters.a");
                })
                .hasMessage("Variable cycle in C sensitive.parameters.a: a -> b -> c -> b");
    }

    @Test
    void valueThatKeepsGrowingIsReportedAsACycle() {
        config("C", "{'sensitive': {'parameters': {'a': '%{b}', 'b': 'x%{b}'}}}");

        assertThatThrownBy(() -> flattener().flatten("C"))
                .isInstanceOf(VariableCycleException.class)
                .hasMessageEndingWith(": a -> b -> b");
    }

    @Test
    void valueThatDoublesAtEveryReferenceFailsInsteadOfExhaustingMemory() {
        ObjectNode parameters = Json.object("{}");
        for (int i = 0; i < 29; i++) {
            parameters.put("a" + i, "%{a" + (i + 1) + "}%{a" + (i + 1) + "}");
        }
        parameters.put("a29", "abcdefgh");
        source.put("C", Json.object("{}").set("sensitive", Json.object("{}").set("parameters", parameters)));

        assertThatThrownBy(() -> flattener().flatten("C"))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Expansion of C sensitive.parameters.a0 grows beyond 33554432 characters: a0 -> a1 -> a2");
    }

    @Test
    void referenceChainsDeeperThanAThousandFail() {
        ObjectNode parameters = Json.object("{}");
        for (int i = 0; i < 1_100; i++) {
            parameters.put("v" + i, "%{v" + (i + 1) + "}");
        }
        source.put("C", Json.object("{}").set("sensitive", Json.object("{}").set("parameters", parameters)));

        assertThatThrownBy(() -> flattener().flatten("C"))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Expansion of C sensitive.parameters.v0 nests deeper than 1000 references: v0 -> v1");
    }

    @Test
    void cycleThroughTheEnvironmentInAFileIsReported() {
        config("C", "{'exports': ['F']}");
        config("F", "{'type': 'file', 'content': {'dest': 'f', 'ref': 'sensitive.t', 'varsub': true},"
                + " 'sensitive': {'t': '%{E1}'}}");

        assertThatThrownBy(() -> commit("C", Map.of("E1", "%{E2}", "E2", "%{E1}")))
                .isInstanceOf(VariableCycleException.class)
                .hasMessage("Variable cycle in F content.ref=sensitive.t: E1 -> E2 -> E1");
    }

    @Test
    void macrosThatFormFromExpandedTextAreExpandedToo() {
        config("C", "{'sensitive': {'parameters': {'k': 'Y', 'v': '%{X%{k}}', 'XY': 'found'}}}");

        assertThat(flattener().flatten("C").conf().at("/sensitive/parameters/v").asText()).isEqualTo("found");
    }

    @Test
    void environmentWinsOverVariablesAndDottedNamesReachIntoObjects() {
        config("C", "{'procvars': ['sensitive.db'], 'sensitive': {'parameters': {'HOME': 'param'},"
                + " 'db': {'opts': {'rs': 'r1'}}}, 'setenv': {'A': '%{HOME}', 'B': '%{opts.rs}'}}");

        ObjectNode conf = flattener(Map.of("HOME", "/root")).flatten("C").conf();

        assertThat(conf.get("setenv")).isEqualTo(Json.parse("{'A': '/root', 'B': 'r1'}"));
        assertThat(conf.at("/sensitive/db/opts")).isEqualTo(Json.parse("{'rs': 'r1'}"));
    }

    @Test
    void dotDotInDestIsRejected() {
        fileConfig("{'dest': '../etc/passwd', 'ref': 'sensitive.t'}");

        assertThatThrownBy(() -> commit("C", Map.of()))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessage("File name cannot contain .. (F.content.dest)");
    }

    @Test
    void dotDotInSourceIsRejected() {
        fileConfig("{'dest': 'out', 'source': '../../etc/shadow'}");
        cfgdirFiles.put("/cfg/../../etc/shadow", "root:x".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> commit("C", Map.of()))
                .isExactlyInstanceOf(ConfigException.class)
                .hasMessage("File name cannot contain .. (F.content.source)");
    }

    @Test
    void dotDotThatAppearsOnlyAfterExpansionIsRejected() {
        fileConfig("{'dest': '%{UP}/x', 'ref': 'sensitive.t'}");

        assertThatThrownBy(() -> commit("C", Map.of("UP", "..")))
                .hasMessage("File name cannot contain .. (F.content.dest)");
    }

    @Test
    void fileWithoutUsableContentFailsWithTheOriginalMessages() {
        fileConfig("{'ref': 'sensitive.t'}");
        assertThatThrownBy(() -> commit("C", Map.of())).hasMessage("Cannot find output filename (F.content.dest)");

        fileConfig("{'dest': 'out'}");
        assertThatThrownBy(() -> commit("C", Map.of())).hasMessage("Cannot find file content for object F");

        fileConfig("{'dest': 'out', 'source': 'absent.in'}");
        assertThatThrownBy(() -> commit("C", Map.of())).hasMessage("Unable to process config file: /cfg/absent.in");

        fileConfig("{'dest': 'out', 'ref': 'sensitive.obj'}");
        assertThatThrownBy(() -> commit("C", Map.of())).hasMessageStartingWith("content.ref 'sensitive.obj' of object F is not a string");
    }

    @Test
    void fileTypeWithoutContentFails() {
        config("C", "{'exports': ['F']}");
        config("F", "{'type': 'file'}");

        assertThatThrownBy(() -> commit("C", Map.of())).hasMessage("Object 'F' missing 'content'");
    }

    @Test
    void jsonFileIsCompactWithNonAsciiEscapedAndSlashesKept() {
        fileConfig("{'dest': 'out.json', 'ref': 'sensitive.obj', 'type': 'application/json'}");

        LaunchPlan plan = commit("C", Map.of());

        assertThat(text(plan.files().getFirst()))
                .isEqualTo("{\"url\":\"http://h/caf\\u00e9\",\"n\":[1,2.5,true,null]}");
    }

    @Test
    void base64ContentIsDecodedBeforeVarsub() {
        String encoded = Base64.getEncoder().encodeToString("k=%{K}\n".getBytes(StandardCharsets.UTF_8));
        config("C", "{'exports': ['F']}");
        config("F", "{'type': 'file', 'content': {'dest': 'k', 'ref': 'sensitive.b', 'encoding': 'base64',"
                + " 'varsub': 1}, 'sensitive': {'b': '" + encoded + "', 'parameters': {'K': 'v'}}}");

        assertThat(text(commit("C", Map.of()).files().getFirst())).isEqualTo("k=v\n");
    }

    @Test
    void topConfigOfTypeFileIsWrittenAfterItsExports() {
        config("C", "{'type': 'file', 'exports': ['F'], 'content': {'dest': 'top', 'ref': 'sensitive.t'},"
                + " 'sensitive': {'t': 'top'}}");
        config("F", "{'type': 'file', 'content': {'dest': 'exp', 'ref': 'sensitive.t'}}");

        assertThat(commit("C", Map.of()).files()).extracting(ConfigFile::dest).containsExactly("exp", "top");
    }

    @Test
    void exportAlreadyVisitedThroughExtendsWritesNoFile() {
        config("C", "{'extends': ['F'], 'exports': ['F']}");
        config("F", "{'type': 'file', 'content': {'dest': 'f', 'ref': 'sensitive.t'}, 'sensitive': {'t': 'x'}}");

        LaunchPlan plan = commit("C", Map.of());

        assertThat(plan.files()).isEmpty();
        assertThat(plan.log()).containsExactly("Processing config object C", "Processing config object F");
    }

    @Test
    void cfgdirFallsBackToAppCfgBaseAndIsRequired() {
        config("C", "{}");

        ConfigFlattener fromEnvironment = ConfigFlattener.builder(source).environment(Map.of("APP_CFG_BASE", "/env/cfg")).build();
        assertThat(fromEnvironment.prepare(fromEnvironment.flatten("C")).cfgdir()).isEqualTo("/env/cfg");
        ConfigFlattener withoutCfgdir = ConfigFlattener.builder(source).build();
        assertThatThrownBy(() -> withoutCfgdir.prepare(withoutCfgdir.flatten("C"))).hasMessage("APP_CFG_BASE not defined");
    }

    @Test
    void forcedAppVariablesOverrideTheConfigAndSayWhy() {
        config("C", "{'setenv': {'APP_CFG_BASE': '/elsewhere', 'TMPDIR': '.'}}");

        LaunchPlan plan = prepare("C", Map.of("APP_RUN_BASE", "/run"));

        assertThat(plan.setenv().values()).extracting(EnvVar::toString).containsExactly(
                "APP_CFG_BASE=/cfg", "TMPDIR=.", "APP_RUN_BASE=/run", "APP_PIPELINE=", "APP_SERVICE=");
        assertThat(plan.log()).endsWith("Overriding existing setenv: APP_CFG_BASE");
    }

    @Test
    void variableNamesKeepTheirSpellingWithAnUnderscoreAliasThatNeverBeatsAnExplicitName() {
        config("C", "{'setenv': {'MONGO-URI': 'dash', 'A.B': 'dot', 'A_B': 'explicit'}}");

        LaunchPlan plan = prepare("C", Map.of());

        assertThat(plan.environment().values()).extracting(EnvVar::toString)
                .contains("MONGO-URI=dash", "MONGO_URI=dash", "A.B=dot", "A_B=explicit")
                .noneMatch(line -> line.startsWith("\f"));
        assertThat(plan.setenv().values()).extracting(EnvVar::name).doesNotContain("MONGO_URI");
    }

    @Test
    void exportedConfigSeesVariablesTheSourceExported() {
        config("C", "{'exports': ['F'], 'setenv': {'S': 'from-c'}}");
        config("F", "{'type': 'file', 'setenv': {'ONLY_F': '%{S}'},"
                + " 'content': {'dest': 'f', 'ref': 'sensitive.t', 'varsub': true}, 'sensitive': {'t': '%{S}/%{ONLY_F}'}}");

        LaunchPlan plan = commit("C", Map.of());

        assertThat(text(plan.files().getFirst())).isEqualTo("from-c/from-c");
        assertThat(plan.environment().values()).extracting(EnvVar::name).contains("S", "ONLY_F");
        assertThat(plan.setenv().values()).extracting(EnvVar::name).doesNotContain("ONLY_F");
    }

    @Test
    void topConfigSetenvWinsOverWhatAnExportImports() {
        config("C", "{'exports': ['F'], 'setenv': {'S': 'top'}}");
        config("F", "{'imports': ['I']}");
        config("I", "{'setenv': {'S': 'imported', 'T': 'imported'}}");

        LaunchPlan plan = commit("C", Map.of());

        assertThat(plan.environment().values()).extracting(EnvVar::toString).contains("S=top", "T=imported");
    }

    @Test
    void peersGiveTheLaunchPeerVariablesAndAppearInTheConf() {
        config("C", "{}");
        Peers peers = new Peers(new LinkedHashMap<>(Map.of("a", "10.0.0.1")), new LinkedHashMap<>());

        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").peers(peers).build();
        LaunchPlan plan = flattener.prepare(flattener.flatten("C"));

        assertThat(plan.setenv().values()).extracting(EnvVar::toString).contains(
                "LAUNCH_PEERS0=a@10.0.0.1", "LAUNCH_PEER0_NAMES=a", "LAUNCH_PEER0_IPS=10.0.0.1", "LAUNCH_PEERS1=");
        assertThat(plan.conf().get("peers")).isEqualTo(Json.parse("{'ip0': {'a': '10.0.0.1'}, 'ip1': {}}"));
    }

    @Test
    void mergingDifferentJsonTypesFailsNamingConfigAndKey() {
        config("C", "{'imports': ['I.9']}");
        config("I.9", "{'name': 'I', 'content': 'not an object'}");

        assertThatThrownBy(() -> flattener().flatten("C"))
                .hasMessage("Cannot merge I: key=content, values are not the same!");
    }

    @Test
    void procvarPathThatIsNotAnObjectFailsClearly() {
        config("C", "{'procvars': ['sensitive.none']}");

        assertThatThrownBy(() -> flattener().flatten("C"))
                .hasMessage("procvars path 'sensitive.none' of C does not point at an object");
    }

    @Test
    void flatteningDoesNotChangeTheSourceObjects() {
        config("C", "{'extends': ['P'], 'sensitive': {'parameters': {'A': '%{B}'}}}");
        config("P", "{'sensitive': {'parameters': {'B': 'b'}}}");
        String before = source.fetch("C").toString() + source.fetch("P");

        flattener().flatten("C");

        assertThat(source.fetch("C").toString() + source.fetch("P")).isEqualTo(before);
    }

    private void config(String name, String json) {
        source.put(name, Json.object(json));
    }

    /** C exports file config F with the given content; F also carries a few sensitive values to refer to. */
    private void fileConfig(String content) {
        config("C", "{'exports': ['F']}");
        config("F", "{'type': 'file', 'content': " + content + ", 'sensitive': {'t': 'text',"
                + " 'obj': {'url': 'http://h/caf\u00e9', 'n': [1, 2.5, true, null]}}}");
    }

    private ConfigFlattener flattener() {
        return flattener(Map.of());
    }

    private ConfigFlattener flattener(Map<String, String> environment) {
        return ConfigFlattener.builder(source).environment(environment).cfgdir("/cfg")
                .contentFiles(path -> Optional.ofNullable(cfgdirFiles.get(path))).build();
    }

    private LaunchPlan commit(String top, Map<String, String> environment) {
        ConfigFlattener flattener = flattener(environment);
        return flattener.commit(flattener.flatten(top));
    }

    private LaunchPlan prepare(String top, Map<String, String> environment) {
        ConfigFlattener flattener = flattener(environment);
        return flattener.prepare(flattener.flatten(top));
    }

    private static String text(ConfigFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }
}
