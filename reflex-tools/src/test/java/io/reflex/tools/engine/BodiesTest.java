package io.reflex.tools.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void mergeMergesObjectsAndReplacesArraysAndScalars() throws Exception {
    ObjectNode target = (ObjectNode) json("{'a': {'x': 1, 'y': 2}, 'list': [1, 2], 'n': 1}");

    Bodies.merge(target, json("{'a': {'y': 3}, 'list': [9], 'n': {'deep': true}}"));

    assertThat(target).isEqualTo(json("{'a': {'x': 1, 'y': 3}, 'list': [9], 'n': {'deep': true}}"));
  }

  @Test
  void digFollowsDottedPathsArraysAndAnObjPrefix() throws Exception {
    JsonNode object = json("{'launch': {'exec': ['/bin/node', 'index.js']}}");

    assertThat(Bodies.dig(object, "launch.exec.1").asText()).isEqualTo("index.js");
    assertThat(Bodies.dig(object, "obj.launch.exec.0").asText()).isEqualTo("/bin/node");
    assertThat(Bodies.dig(object, "launch.nothing.here").isMissingNode()).isTrue();
    assertThat(Bodies.topField("obj.launch.exec")).isEqualTo("launch");
  }

  @Test
  void editableDropsOnlyEngineMaintainedFields() throws Exception {
    ObjectNode object = (ObjectNode) json("{'id': 3, 'name': 'n', 'updated_at': '1.0', 'updated_by': '100', 'mine': 1}");

    assertThat(Bodies.editable(object)).isEqualTo(json("{'id': 3, 'name': 'n', 'mine': 1}"));
  }
}
