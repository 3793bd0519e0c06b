package io.reflex.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to list: a type, an optional name filter, the columns, and optionally a range of archived versions.
 * Immutable; each method returns a changed copy.
 */
public final class ListQuery {
  private final ObjectType type;
  private final String match;
  private final List<String> cols;
  private final Instant archiveFrom;
  private final Instant archiveTo;

  private ListQuery(ObjectType type, String match, List<String> cols, Instant archiveFrom, Instant archiveTo) {
    this.type = type;
    this.match = match;
    this.cols = cols;
    this.archiveFrom = archiveFrom;
    this.archiveTo = archiveTo;
  }

  /** Every current object of {@code type}, with the engine's default columns ({@code id}, {@code name}). */
  public static ListQuery of(ObjectType type) {
    return new ListQuery(Objects.requireNonNull(type, "type"), null, List.of(), null, null);
  }

  /**
   * Filters by name: a plain text is a prefix (the engine's own {@code match}), a text with {@code *} or
   * {@code ?} is a glob over the whole name. Both ignore case. An empty text means no filter.
   */
  public ListQuery match(String matchOrGlob) {
    Objects.requireNonNull(matchOrGlob, "matchOrGlob");
    return new ListQuery(type, matchOrGlob.isEmpty() ? null : matchOrGlob, cols, archiveFrom, archiveTo);
  }

  /** The columns to return; {@code id} always comes too, and {@code *} means every defined field. */
  public ListQuery cols(String... cols) {
    return cols(List.of(cols));
  }

  public ListQuery cols(List<String> cols) {
    return new ListQuery(type, match, List.copyOf(cols), archiveFrom, archiveTo);
  }

  /**
   * Lists archived versions written in {@code [from, to]} instead of current objects; one row per version.
   *
   * @throws IllegalArgumentException for a type whose archive the engine does not serve
   */
  public ListQuery archive(Instant from, Instant to) {
    if (!type.archiveQueryable()) {
      throw new IllegalArgumentException(type.tableName() + " does not support archives");
    }
    return new ListQuery(
        type, match, cols, Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
  }

  public ObjectType type() {
    return type;
  }

  public Optional<String> match() {
    return Optional.ofNullable(match);
  }

  public List<String> cols() {
    return cols;
  }

  public Optional<Instant> archiveFrom() {
    return Optional.ofNullable(archiveFrom);
  }

  public Optional<Instant> archiveTo() {
    return Optional.ofNullable(archiveTo);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ListQuery that
        && type == that.type
        && Objects.equals(match, that.match)
        && cols.equals(that.cols)
        && Objects.equals(archiveFrom, that.archiveFrom)
        && Objects.equals(archiveTo, that.archiveTo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, match, cols, archiveFrom, archiveTo);
  }

  @Override
  public String toString() {
    return "ListQuery[" + type.path() + (match == null ? "" : " match=" + match) + " cols=" + cols + "]";
  }
}
