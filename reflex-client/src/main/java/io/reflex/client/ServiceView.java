package io.reflex.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A service read as a service. Thin on purpose: it reads from the wrapped object and never copies fields, so
 * nothing a user added to the service can be lost by going through this view.
 */
public final class ServiceView {
  private final ReflexObject object;

  private ServiceView(ReflexObject object) {
    this.object = object;
  }

  public static ServiceView of(ReflexObject object) {
    return new ServiceView(Objects.requireNonNull(object, "object"));
  }

  public ReflexObject object() {
    return object;
  }

  /** The soft reference to the pipeline as stored ({@code name.id} or {@code name.notfound}). */
  public Optional<String> pipeline() {
    return object.text("pipeline");
  }

  /** The soft reference to the top config that Launch Assist flattens. */
  public Optional<String> config() {
    return object.text("config");
  }

  public Optional<String> region() {
    return object.text("region");
  }

  public Optional<String> lane() {
    return object.text("lane");
  }

  public Optional<String> tenant() {
    return object.text("tenant");
  }

  /** The name part of a soft reference, without the {@code .id} or {@code .notfound} suffix. */
  public static String referencedName(String softReference) {
    int dot = softReference.indexOf('.');
    return dot < 0 ? softReference : softReference.substring(0, dot);
  }

  @Override
  public String toString() {
    return "ServiceView[" + object.name() + "]";
  }
}
