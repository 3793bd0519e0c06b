package io.reflex.tools.cli;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexClient;
import io.reflex.client.ReflexObject;
import io.reflex.client.WriteResult;
import java.util.Optional;

/**
 * Replaces an object computed from a copy read earlier. When the engine gave that copy a version the write is
 * conditional on it, so a change made meanwhile by someone else fails as a conflict instead of being undone.
 */
public final class VersionedWrite {
  private VersionedWrite() {}

  public static WriteResult update(ReflexClient client, ObjectType type, String target, ReflexObject body, Optional<String> versionRead) {
    return versionRead.isPresent()
        ? client.update(type, target, body, versionRead.get())
        : client.update(type, target, body);
  }
}
