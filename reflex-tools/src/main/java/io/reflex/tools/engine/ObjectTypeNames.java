package io.reflex.tools.engine;

import io.reflex.client.ObjectType;
import java.util.List;

/** The command names of each object type: the API name first, then the short forms of reference 8.2. */
final class ObjectTypeNames {
  private ObjectTypeNames() {}

  static List<String> aliases(ObjectType type) {
    return switch (type) {
      case PIPELINE -> List.of("pi");
      case SERVICE -> List.of("se", "svc");
      case CONFIG -> List.of("co", "cfg");
      case BUILD -> List.of("bu");
      case INSTANCE -> List.of("in");
      case APIKEY -> List.of("api");
      case POLICY -> List.of("pol");
      case POLICYSCOPE -> List.of("psc", "pscope", "sco", "scope");
      case GROUP -> List.of("gr", "grp");
      case STATE -> List.of();
    };
  }
}
