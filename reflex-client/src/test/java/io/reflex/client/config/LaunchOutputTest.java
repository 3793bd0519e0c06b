package io.reflex.client.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchOutputTest {

    private final InMemorySource source = new InMemorySource()
            .put("svc.3", Json.object("{'id': 3, 'name': 'svc', 'type': 'parameter', 'extends': ['base.2'],"
                    + " 'exports': ['x'], 'procvars': [], 'file': '', 'macroExpand': true,"
                    + " 'sensitive': {'parameters': {'PW': 's\u00e9cret'}}, 'setenv': {'B-B': '%{PW}', 'A': 'a \"q\"'}}"))
            .put("base.2", Json.object("{'name': 'base', 'setenv': {'C': '/c'}}"));
    private final ObjectNode pipeline = Json.object("{'id': 1, 'name': 'pl', 'title': 'T',"
            + " 'launch': {'cfgdir': '/cfg', 'exec': ['run']}, 'createdAt': 1, 'updatedAt': 2}");
    private final ObjectNode service = Json.object("{'id': 2, 'name': 'svc', 'pipeline': 'pl.1', 'config': 'svc.3'}");

    @Test
    void launchEnvPrintsSortedExportLinesWithJsonQuotedValues() {
        LaunchPlan plan = prepare();

        assertThat(LaunchOutput.env(plan, true)).isEqualTo("""
                export A="a \\"q\\""
                export APP_CFG_BASE="/cfg"
                export APP_PIPELINE=""
                export APP_RUN_BASE=""
                export APP_SERVICE=""
                export B-B="s\\u00e9cret"
                export C="/c"
                export TMPDIR="."
                """);
    }

    @Test
    void launchEnvWithoutExportPrintsRawValues() {
        assertThat(LaunchOutput.env(prepare(), false)).contains("A=a \"q\"\n", "B-B=s\u00e9cret\n")
                .doesNotContain("export");
    }

    @Test
    void launchConfigMergesPipelineServiceAndPrunedConfSorted() {
        String expected = """
                {
                  "config": "svc.3",
                  "content": {},
                  "launch": {
                    "cfgdir": "/cfg",
                    "exec": [
                      "run"
                    ]
                  },
                  "peers": {
                    "ip0": {
                      "n": "10.1.1.1"
                    },
                    "ip1": {}
                  },
                  "pipeline": "pl.1",
                  "sensitive": {
                    "parameters": {
                      "PW": "s\\u00e9cret"
                    }
                  },
                  "setenv": {
                    "A": "a \\"q\\"",
                    "APP_CFG_BASE": "/cfg",
                    "APP_PIPELINE": "",
                    "APP_RUN_BASE": "",
                    "APP_SERVICE": "",
                    "B-B": "s\\u00e9cret",
                    "C": "/c",
                    "LAUNCH_PEER0_IPS": "10.1.1.1",
                    "LAUNCH_PEER0_NAMES": "n",
                    "LAUNCH_PEER1_IPS": "",
                    "LAUNCH_PEER1_NAMES": "",
                    "LAUNCH_PEERS0": "n@10.1.1.1",
                    "LAUNCH_PEERS1": "",
                    "TMPDIR": "."
                  },
                  "title": "T"
                }
                """;
        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg")
                .peers(new Peers(new LinkedHashMap<>(Map.of("n", "10.1.1.1")), new LinkedHashMap<>())).build();

        LaunchPlan plan = flattener.prepare(flattener.flatten("svc.3"));

        assertThat(LaunchOutput.config(pipeline, service, plan)).isEqualTo(expected);
    }

    @Test
    void pipelineNameFillsThePipelineKeyWhenTheServiceHasNone() {
        ObjectNode document = LaunchOutput.configDocument(pipeline, Json.object("{'name': 'svc'}"), prepare());

        assertThat(document.get("pipeline").asText()).isEqualTo("pl");
        assertThat(document.has("name")).isFalse();
        assertThat(document.has("id")).isFalse();
    }

    private LaunchPlan prepare() {
        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();
        return flattener.prepare(flattener.flatten("svc.3"));
    }
}
