package io.reflex.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.engine.testing.RunningEngine;
import io.reflex.engine.testing.TestDatabase;
import io.reflex.tools.cli.Editor;
import io.reflex.tools.cli.ShellEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EditCommandTest {
  @TempDir static Path dir;
  static RunningEngine engine;
  static ReflexClient client;

  @BeforeAll
  static void startEngine() throws Exception {
    engine = RunningEngine.start(TestDatabase.SQLITE, dir.resolve("engine"));
    client = ReflexClient.create(engine.url(), engine.masterKey());
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  /** A fake $EDITOR: a shell script that replaces the file it is given with {@code content}. */
  static Editor scriptWriting(String name, String content) throws IOException {
    Path script = dir.resolve(name + ".sh");
    Files.writeString(script, "#!/bin/sh\ncat > \"$1\" <<'EOF'\n" + content + "\nEOF\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new ShellEditor(Map.of("EDITOR", script.toString()));
  }

  TestCli cli(Editor editor) {
    return TestCli.against(engine.url(), engine.masterKey(), dir.resolve("home")).editor(editor);
  }

  @Test
  void editSendsTheEditedObject() throws Exception {
    client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"knob\", \"level\": 1}"));

    TestCli.Result result = cli(scriptWriting("set-level", "{\"name\": \"knob\", \"level\": 7}")).run("engine", "state", "edit", "knob");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).isEqualTo("Updated State 'knob'\n");
    assertThat(client.get(ObjectType.STATE, "knob").json().path("level").asInt()).isEqualTo(7);
  }

  @Test
  void editCreatesAMissingObject() throws Exception {
    TestCli.Result result = cli(scriptWriting("new", "{\"name\": \"fresh\", \"kind\": \"new\"}")).run("engine", "state", "ed", "fresh");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(client.get(ObjectType.STATE, "fresh").text("kind")).contains("new");
  }

  @Test
  void editRefusesInvalidJsonAndSendsNothing() throws Exception {
    client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"valve\", \"open\": true}"));

    TestCli.Result result = cli(scriptWriting("broken", "{\"name\": \"valve\", open")).runWithInput("n\n", "engine", "state", "edit", "valve");

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err()).contains("reflex: The edited file is not valid JSON");
    assertThat(client.get(ObjectType.STATE, "valve").json().path("open").asBoolean()).isTrue();
  }

  @Test
  void editReportsSomeoneElsesChangeWithADiffAndKeepsIt() throws Exception {
    client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"dial\", \"value\": 1}"));
    Editor script = scriptWriting("mine", "{\"name\": \"dial\", \"value\": 2}");

    TestCli.Result result = cli(racingWith(script, "{\"name\": \"dial\", \"value\": 99}")).runWithInput("n\n", "engine", "state", "edit", "dial");

    assertThat(result.code()).isEqualTo(5);
    assertThat(result.err()).contains("was changed by someone else").contains("-   \"value\": 99").contains("+   \"value\": 2");
    assertThat(client.get(ObjectType.STATE, "dial").json().path("value").asInt()).isEqualTo(99);
  }

  @Test
  void editOnConflictCanEditAgainAndSaveOverTheirVersion() throws Exception {
    client.create(ObjectType.STATE, ReflexObject.parse("{\"name\": \"gauge\", \"value\": 1}"));
    Editor script = scriptWriting("mine-again", "{\"name\": \"gauge\", \"value\": 2}");

    TestCli.Result result = cli(racingWith(script, "{\"name\": \"gauge\", \"value\": 50}")).runWithInput("y\n", "engine", "state", "edit", "gauge");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(client.get(ObjectType.STATE, "gauge").json().path("value").asInt()).isEqualTo(2);
  }

  /** The first time the editor runs, someone else writes {@code theirs} through the API before the user saves. */
  private static Editor racingWith(Editor script, String theirs) {
    AtomicBoolean raced = new AtomicBoolean();
    return file -> {
      if (!raced.getAndSet(true)) {
        ReflexObject other = ReflexObject.parse(theirs);
        client.update(ObjectType.STATE, other.name(), other);
      }
      script.edit(file);
    };
  }

}
