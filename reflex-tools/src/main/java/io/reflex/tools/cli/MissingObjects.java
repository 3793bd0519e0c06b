package io.reflex.tools.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import java.util.Optional;

/**
 * Creates objects only where none of that name exists, reporting each. Seeding commands ({@code setup demo},
 * {@code setup basic}, {@code app create}) use it so that running them again is harmless and never overwrites
 * what a user changed since.
 */
public final class MissingObjects {
  private final ReflexClient client;
  private final Output out;

  public MissingObjects(ReflexClient client, Output out) {
    this.client = client;
    this.out = out;
  }

  /** True when {@code object} was created now, false when one of its name was already there. */
  public boolean create(ObjectType type, ReflexObject object) {
    String label = type.tableName() + " '" + object.name() + "'";
    if (client.find(type, object.name()).isPresent()) {
      out.status("Exists  " + label);
      return false;
    }
    client.create(type, object);
    out.status("Created " + label);
    return true;
  }

  public boolean create(Seed seed) {
    return create(seed.type(), seed.object());
  }

  /**
   * Creates apikey {@code name} if missing and returns {@code name.secret} for a new one; an existing key's secret
   * is not shown again.
   */
  public Optional<String> createApikey(String name) {
    return create(ObjectType.APIKEY, ReflexObject.named(name))
        ? Optional.of(Apikeys.reveal(client, name))
        : Optional.empty();
  }
}
