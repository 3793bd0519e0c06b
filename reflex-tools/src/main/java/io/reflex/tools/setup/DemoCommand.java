package io.reflex.tools.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import io.reflex.tools.cli.MissingObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Loads the documentation's example objects (the {@code bct} configs of reference 5.8, a pipeline, services in
 * two lanes, groups). Only missing objects are created, so running it twice is harmless and never overwrites
 * what a user changed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Load demo objects (create-if-missing)")
final class DemoCommand implements Callable<Integer> {
  private static final String RESOURCE = "demo.json";

  @Mixin GlobalOptions global;

  @Option(names = "--files", paramLabel = "DIR",
      description = "Also write the demo's template files here, for: reflex config flatten bct-tst --cfgdir DIR")
  Path files;

  private final Invocation invocation;

  DemoCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() throws IOException {
    JsonNode demo = load();
    MissingObjects missing = new MissingObjects(invocation.client(), invocation.out());
    for (JsonNode entry : demo.path("objects")) {
      missing.create(ObjectType.parse(entry.path("type").asText()), ReflexObject.of((ObjectNode) entry.path("object")));
    }
    if (files != null) {
      Files.createDirectories(files);
      for (var file : demo.path("cfgdir_files").properties()) {
        Files.writeString(files.resolve(file.getKey()), file.getValue().asText(), StandardCharsets.UTF_8);
        invocation.out().status("Wrote   " + files.resolve(file.getKey()));
      }
    }
    return 0;
  }

  private static JsonNode load() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw CliException.usage("The demo data is missing from this build (" + RESOURCE + ")");
      }
      return JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
