package io.reflex.client.config;

import io.reflex.client.Secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchSecretsTest {

    private static final String PASSWORD = "hunter2-not-a-good-password";

    @Test
    void launchPlanPartsNeverPrintSecretValues() {
        InMemorySource source = new InMemorySource()
                .put("C", Json.object("{'exports': ['F'], 'sensitive': {'parameters': {'PW': '" + PASSWORD + "'}},"
                        + " 'setenv': {'DB-PASS': '%{PW}'}}"))
                .put("F", Json.object("{'type': 'file', 'content': {'dest': 'pw', 'ref': 'sensitive.parameters.PW'}}"));
        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();
        FlattenedConfig flat = flattener.flatten("C");
        LaunchPlan plan = flattener.commit(flat);

        String printed = String.join("\n", flat.toString(), plan.toString(), plan.environment().toString(),
                plan.setenv().toString(), plan.files().toString());

        assertThat(printed).doesNotContain(PASSWORD).contains("DB-PASS=****", "DB_PASS=****", "/cfg/pw");
        assertThat(plan.environment().values()).filteredOn(EnvVar::sensitive).extracting(EnvVar::value).containsOnly(PASSWORD);
        assertThat(new String(plan.files().getFirst().bytes(), StandardCharsets.UTF_8)).isEqualTo(PASSWORD);
    }

    @Test
    void launchStdinPayloadIsASecret() {
        InMemorySource source = new InMemorySource()
                .put("C", Json.object("{'sensitive': {'parameters': {'PW': '" + PASSWORD + "'}}}"));
        ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();
        LaunchPlan plan = flattener.prepare(flattener.flatten("C"));

        Secret payload = LaunchOutput.stdinPayload(Json.object("{'name': 'p'}"), Json.object("{'name': 's'}"), plan);

        assertThat(payload.toString()).doesNotContain(PASSWORD);
        assertThat(payload.reveal()).contains(PASSWORD).doesNotContain(" ");
        assertThat(Map.of("stdin", payload).toString()).doesNotContain(PASSWORD);
    }
}
