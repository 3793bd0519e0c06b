package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.ConflictException;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.client.WriteResult;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import io.reflex.tools.cli.VersionedWrite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Edits an object in {@code $EDITOR}. The write is conditional on the version that was read, so a change
 * someone else saved meanwhile is shown as a diff instead of being overwritten; the user may then edit again
 * on top of their version. Nothing is sent unless the file parses as a JSON object.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit an object in $EDITOR (creates it when new)")
final class EditAction extends ObjectAction {
  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  EditAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() throws IOException {
    Optional<ReflexObject> current = client().find(type, name);
    ObjectNode base = current.map(o -> Bodies.editable(o.json())).orElseGet(() -> ReflexObject.named(name).json());
    Optional<String> version = current.flatMap(ReflexObject::version);
    boolean exists = current.isPresent();
    // createTempFile makes the file 0600: bodies can hold secrets.
    Path file = Files.createTempFile("reflex-" + type.path() + "." + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-", ".json");
    try {
      Files.writeString(file, JsonText.pretty(base) + "\n", StandardCharsets.UTF_8);
      while (true) {
        invocation.context().editor().edit(file);
        Optional<ObjectNode> edited = parse(file);
        if (edited.isEmpty()) {
          continue;
        }
        if (edited.get().equals(base)) {
          out().status("No changes to " + label(name));
          return 0;
        }
        try {
          ReflexObject body = ReflexObject.of(edited.get());
          WriteResult result =
              exists ? VersionedWrite.update(client(), type, name, body, version) : client().create(type, body);
          report(exists ? "Updated" : "Created", name, result);
          return 0;
        } catch (ConflictException e) {
          ReflexObject theirs = client().get(type, name);
          showConflict(theirs, edited.get());
          if (!confirm("Edit your version again and save it over theirs? [y/N] ")) {
            throw CliException.conflict(label(name) + " changed while you edited it; your changes were not saved");
          }
          base = Bodies.editable(theirs.json());
          version = theirs.version();
          exists = true;
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The edited object, or empty when the user wants to fix a syntax error in the editor. */
  private Optional<ObjectNode> parse(Path file) {
    try {
      JsonNode node = JsonText.parse(Files.readString(file, StandardCharsets.UTF_8), "The edited file");
      if (!node.isObject()) {
        throw CliException.conflict("The edited file must hold a JSON object");
      }
      return Optional.of((ObjectNode) node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CliException invalid) {
      invocation.context().err().println("reflex: " + invalid.getMessage());
      if (confirm("Edit again? [y/N] ")) {
        return Optional.empty();
      }
      throw invalid;
    }
  }

  private void showConflict(ReflexObject theirs, ObjectNode yours) {
    PrintWriter err = invocation.context().err();
    err.println("reflex: " + label(name) + " was changed by someone else while you edited it.");
    err.println("Theirs (-) against yours (+):");
    LineDiff.diff(
            JsonText.pretty(JsonText.sorted(Bodies.editable(theirs.json()))),
            JsonText.pretty(JsonText.sorted(yours)))
        .forEach(err::println);
    err.flush();
  }

  private boolean confirm(String question) {
    PrintWriter err = invocation.context().err();
    err.print(question);
    err.flush();
    try {
      String answer = invocation.context().in().readLine();
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    } catch (IOException e) {
      return false;
    }
  }
}
