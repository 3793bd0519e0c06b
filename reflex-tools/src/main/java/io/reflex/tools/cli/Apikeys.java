package io.reflex.tools.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;

/** The only code that reads a full apikey: its owner must copy it when it is made, nobody is shown it later. */
public final class Apikeys {
  private Apikeys() {}

  /**
   * {@code name.secret} of a key just created.
   *
   * @throws CliException when the engine does not show the secret (the caller may not read secrets)
   */
  public static String reveal(ReflexClient client, String name) {
    String secret = client.get(ObjectType.APIKEY, name).field("secrets").map(s -> s.path(0).asText("")).orElse("");
    if (secret.isEmpty()) {
      throw CliException.conflict("Apikey '" + name + "' was created, but the engine did not show its secret");
    }
    return name + "." + secret;
  }

  /** The original's announcement, which scripts and runbooks grep for. */
  public static String announcement(String key) {
    return "new apikey:\n\n\t" + key;
  }
}
