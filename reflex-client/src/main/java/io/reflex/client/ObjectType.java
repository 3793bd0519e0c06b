package io.reflex.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engine's object types. The route segment, the engine's table name (which shows up in error messages and
 * ABAC expressions) and archive support differ per type, and callers should not have to remember which.
 */
public enum ObjectType {
  PIPELINE("pipeline", "Pipeline", false),
  SERVICE("service", "Service", true),
  CONFIG("config", "Config", true),
  INSTANCE("instance", "Instance", false),
  BUILD("build", "Build", false),
  GROUP("group", "Grp", false),
  APIKEY("apikey", "Apikey", false),
  POLICY("policy", "Policy", true),
  POLICYSCOPE("policyscope", "Policyscope", true),
  STATE("state", "State", false);

  private final String path;
  private final String tableName;
  private final boolean archiveQueryable;

  ObjectType(String path, String tableName, boolean archiveQueryable) {
    this.path = path;
    this.tableName = tableName;
    this.archiveQueryable = archiveQueryable;
  }

  /** The route segment, as in {@code /api/v1/config/}. */
  public String path() {
    return path;
  }

  /** The engine's internal name ({@code Grp} for groups), as used in its messages. */
  public String tableName() {
    return tableName;
  }

  /**
   * Whether the API serves archived versions. Pipelines are archived in the database but the engine refuses to
   * query them, so asking would only produce an error.
   */
  public boolean archiveQueryable() {
    return archiveQueryable;
  }

  /** Finds a type by route segment or table name, ignoring case, so CLI input and engine messages both work. */
  public static Optional<ObjectType> find(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.path.equals(wanted) || t.tableName.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** Like {@link #find} but fails with a message listing the valid names. */
  public static ObjectType parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown object type '"
                        + text
                        + "'; expected one of "
                        + Arrays.stream(values()).map(ObjectType::path).collect(Collectors.joining(", "))));
  }
}
