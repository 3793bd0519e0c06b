package io.reflex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reflex.client.config.ConfigFlattener;
import io.reflex.client.config.FlattenedConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the benchmark's fixture (no benchmark runs here): 50 configs that flatten to 500 variables. */
class ConfigHierarchyTest {

    @Test
    void fiftyConfigsFlattenToFiveHundredResolvedVariables() {
        ConfigHierarchy hierarchy = ConfigHierarchy.build(new ObjectMapper());

        FlattenedConfig flat = ConfigFlattener.builder(hierarchy).environment(Map.of()).build()
                .flatten(ConfigHierarchy.TOP);

        assertThat(hierarchy.configs()).hasSize(50);
        assertThat(flat.variables().size()).isEqualTo(500);
        assertThat(flat.warnings()).isEmpty();
        assertThat(flat.variables().get("V_00_9").asText()).isEqualTo("value-0-5/6/7/8/9");
        assertThat(flat.variables().get("V_07_4").asText()).isEqualTo("value-7/1/2/3/4");
        assertThat(flat.variables().get("V_07_5").asText()).isEqualTo("value-3-5");
        assertThat(flat.conf().get("setenv").size()).isEqualTo(200);
        assertThat(flat.conf().at("/setenv/E_12_0").asText()).isEqualTo("value-12/1");
    }
}
