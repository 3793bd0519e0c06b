package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random hierarchies with fixed seeds: the properties the reference promises must hold for every
 * shape, not only for the worked examples. A failure message names the seed to replay.
 */
@Timeout(20)
class FlattenPropertiesTest {

    private static final int ITERATIONS = 300;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void flatteningNeverLoopsOnCyclicExtendsImportsAndExports() {
        for (int seed = 0; seed < ITERATIONS; seed++) {
            Random random = new Random(seed);
            int size = 2 + random.nextInt(12);
            InMemorySource source = new InMemorySource();
            for (int i = 0; i < size; i++) {
                ObjectNode config = JSON.objectNode();
                config.set("extends", names(random, size, 3));
                config.set("imports", names(random, size, 2));
                config.set("exports", names(random, size, 2));
                config.put("type", random.nextBoolean() ? "file" : "parameter");
                config.putObject("content").put("dest", "f" + i).put("ref", "sensitive.t");
                config.putObject("sensitive").put("t", "text of c" + i);
                source.put("c" + i, config);
            }
            ConfigFlattener flattener = ConfigFlattener.builder(source).cfgdir("/cfg").build();

            flattener.commit(flattener.flatten("c0"));

            Map<String, Long> fetches = source.requests().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(fetches.values()).as("seed %d: once as parent or export, once as import", seed)
                    .allMatch(count -> count <= 2);
        }
    }

    @Test
    void childAlwaysWinsOverParent() {
        for (int seed = 0; seed < ITERATIONS; seed++) {
            Random random = new Random(seed);
            Tree tree = Tree.random(random);
            InMemorySource source = new InMemorySource();
            List<Set<String>> defined = new ArrayList<>();
            for (int i = 0; i < tree.size(); i++) {
                ObjectNode parameters = JSON.objectNode();
                Set<String> keys = new HashSet<>();
                for (int k = 0; k < 5; k++) {
                    if (random.nextInt(3) == 0) {
                        parameters.put("K" + k, "c" + i);
                        keys.add("K" + k);
                    }
                }
                defined.add(keys);
                source.put("c" + i, tree.config(i).set("sensitive", JSON.objectNode().set("parameters", parameters)));
            }

            ObjectNode result = (ObjectNode) flattener(source).flatten("c0").conf().at("/sensitive/parameters");

            for (int k = 0; k < 5; k++) {
                String key = "K" + k;
                Optional<Integer> first = tree.preorder().stream().filter(i -> defined.get(i).contains(key)).findFirst();
                assertThat(Optional.ofNullable(result.get(key)).map(node -> node.asText()))
                        .as("seed %d, %s", seed, key).isEqualTo(first.map(i -> "c" + i));
                for (int child = 0; child < tree.size(); child++) {
                    for (int ancestor : tree.ancestors(child)) {
                        if (defined.get(child).contains(key) && defined.get(ancestor).contains(key)) {
                            assertThat(result.get(key).asText()).as("seed %d, %s", seed, key).isNotEqualTo("c" + ancestor);
                        }
                    }
                }
            }
        }
    }

    @Test
    void importsAlwaysWinOverCurrent() {
        for (int seed = 0; seed < ITERATIONS; seed++) {
            Random random = new Random(seed);
            Tree tree = Tree.random(random);
            InMemorySource source = new InMemorySource();
            Set<Integer> importing = new HashSet<>();
            for (int i = 0; i < tree.size(); i++) {
                ObjectNode config = tree.config(i);
                config.putObject("setenv").put("X", "c" + i);
                if (random.nextInt(3) == 0) {
                    importing.add(i);
                    config.putArray("imports").add("i" + i);
                    source.put("i" + i, Json.object("{'setenv': {'X': 'imp" + i + "'}}"));
                }
                source.put("c" + i, config);
            }

            String value = flattener(source).flatten("c0").conf().at("/setenv/X").asText();

            Optional<Integer> lastImport = tree.preorder().stream().filter(importing::contains)
                    .reduce((earlier, later) -> later);
            assertThat(value).as("seed %d", seed).isEqualTo(lastImport.map(i -> "imp" + i).orElse("c0"));
        }
    }

    @Test
    void variableExpansionResolvesFullyOrNamesARealCycle() {
        int cycles = 0;
        for (int seed = 0; seed < ITERATIONS; seed++) {
            Random random = new Random(seed);
            int size = 1 + random.nextInt(10);
            ObjectNode parameters = JSON.objectNode();
            for (int i = 0; i < size; i++) {
                StringBuilder value = new StringBuilder("v" + i + ":");
                for (int r = random.nextInt(4); r > 0; r--) {
                    int target = random.nextInt(size + 1);
                    value.append("%{").append(target == size ? "missing" : "v" + target).append("}");
                }
                parameters.put("v" + i, value.toString());
            }
            ObjectNode config = JSON.objectNode();
            config.putObject("sensitive").set("parameters", parameters);
            InMemorySource source = new InMemorySource().put("c", config);

            try {
                FlattenedConfig flat = flattener(source).flatten("c");
                assertThat(flat.conf().at("/sensitive/parameters").valueStream().map(JsonNode::asText))
                        .as("seed %d", seed).noneMatch(value -> value.contains("%{"));
                assertThat(flat.warnings()).as("seed %d", seed).allMatch(warning ->
                        warning.variable().equals("missing") || warning.variable().equals(warning.path().getFirst()));
            } catch (VariableCycleException cycle) {
                cycles++;
                List<String> path = cycle.path();
                assertThat(path.subList(1, path.size() - 1)).as("seed %d", seed).contains(path.getLast());
                for (int i = 0; i + 1 < path.size(); i++) {
                    assertThat(parameters.get(path.get(i)).asText()).as("seed %d", seed)
                            .contains("%{" + path.get(i + 1) + "}");
                }
            }
        }
        assertThat(cycles).as("the generator must produce cycles to test").isGreaterThan(10);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void fiftyConfigsWithFiveHundredVariablesResolveFully() {
        InMemorySource source = new InMemorySource();
        for (int c = 0; c < 50; c++) {
            ObjectNode config = JSON.objectNode();
            if (c + 1 < 50) {
                config.putArray("extends").add("c" + (c + 1));
            }
            config.putArray("exports").add("f" + c);
            ObjectNode parameters = config.putObject("sensitive").putObject("parameters");
            ObjectNode setenv = config.putObject("setenv");
            for (int v = 0; v < 10; v++) {
                int index = c * 10 + v;
                parameters.put("V" + index, index == 0 ? "root" : "%{V" + (index - 1) + "}/" + index);
                setenv.put("E" + index, "%{V" + index + "}");
            }
            source.put("c" + c, config);
            source.put("f" + c, Json.object("{'type': 'file', 'content': {'dest': 'f" + c
                    + "', 'ref': 'sensitive.t', 'varsub': true}, 'sensitive': {'t': '%{V499}'}}"));
        }
        ConfigFlattener flattener = flattener(source);

        LaunchPlan plan = flattener.commit(flattener.flatten("c0"));

        assertThat(plan.files()).hasSize(50);
        assertThat(plan.setenv().values()).filteredOn(variable -> variable.name().equals("E499")).singleElement()
                .extracting(EnvVar::value).asString().startsWith("root/1/2/").endsWith("/498/499");
    }

    private static ConfigFlattener flattener(InMemorySource source) {
        return ConfigFlattener.builder(source).cfgdir("/cfg").build();
    }

    private static ArrayNode names(Random random, int size, int max) {
        ArrayNode names = JSON.arrayNode();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            names.add("c" + random.nextInt(size));
        }
        return names;
    }

    /** An inheritance tree rooted at c0: every other config is a parent of exactly one config. */
    private record Tree(List<List<Integer>> parents) {

        static Tree random(Random random) {
            int size = 1 + random.nextInt(15);
            List<List<Integer>> parents = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                parents.add(new ArrayList<>());
            }
            for (int i = 1; i < size; i++) {
                List<Integer> siblings = parents.get(random.nextInt(i));
                siblings.add(random.nextInt(siblings.size() + 1), i);
            }
            return new Tree(parents);
        }

        int size() {
            return parents.size();
        }

        ObjectNode config(int i) {
            ObjectNode config = JSON.objectNode();
            ArrayNode extendsList = config.putArray("extends");
            parents.get(i).forEach(parent -> extendsList.add("c" + parent));
            return config;
        }

        /** Depth-first, pre-order: the order in which the reference says values are taken. */
        List<Integer> preorder() {
            List<Integer> order = new ArrayList<>();
            visit(0, order);
            return order;
        }

        private void visit(int node, List<Integer> order) {
            order.add(node);
            parents.get(node).forEach(parent -> visit(parent, order));
        }

        /** Every config {@code node} inherits from, directly or through its parents. */
        List<Integer> ancestors(int node) {
            List<Integer> below = new ArrayList<>();
            visit(node, below);
            return below.subList(1, below.size());
        }
    }
}
