package io.reflex.tools.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.Invocation;
import io.reflex.tools.cli.JsonText;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Print one object, or one value in it")
final class GetAction extends ObjectAction {
  /** Raw text suits shell substitution: {@code $(reflex engine pi get bct launch.cfgdir -f txt)}. */
  enum Format {
    JSON,
    TXT
  }

  @Parameters(index = "0", paramLabel = "NAME", description = "Name, id or name.id")
  String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", description = "Dotted path of the value to print")
  String key;

  @Option(names = {"-a", "--archive"}, paramLabel = "TIME", description = "The archived version written at this time")
  String archive;

  @Option(names = {"-f", "--format"}, paramLabel = "FMT", description = "json (default) or txt: strings unquoted")
  Format format = Format.JSON;

  GetAction(Invocation invocation, ObjectType type) {
    super(invocation, type);
  }

  @Override
  public Integer call() {
    ReflexObject object =
        archive == null
            ? client().get(type, name)
            : client().getArchived(type, name, TimeText.parse(archive, Clock.systemUTC()));
    JsonNode value = key == null ? object.json() : Bodies.dig(object.json(), key);
    if (value.isMissingNode()) {
      throw CliException.notFound(label(name) + " has no key '" + key + "'");
    }
    if (format == Format.TXT) {
      out().line(JsonText.text(value));
    } else {
      out().document(JsonText.sorted(value));
    }
    return 0;
  }
}
