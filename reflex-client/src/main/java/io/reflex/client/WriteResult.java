package io.reflex.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of create, update, merge, delete and instance ping. The engine never returns the written object,
 * only this envelope; warnings report soft references that did not resolve, and the write still happened.
 */
public final class WriteResult {
  private final WriteStatus status;
  private final int httpStatus;
  private final String warning;

  WriteResult(WriteStatus status, int httpStatus, String warning) {
    this.status = Objects.requireNonNull(status, "status");
    this.httpStatus = httpStatus;
    this.warning = warning;
  }

  public WriteStatus status() {
    return status;
  }

  /** The engine's HTTP status (201 for created and updated, 202 for unchanged, 200 for deleted). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The raw {@code warning} text, several warnings joined by {@code "; "}. */
  public Optional<String> warning() {
    return Optional.ofNullable(warning);
  }

  /** The individual warnings, such as {@code Config:no-such-parent not found}. */
  public List<String> warnings() {
    if (warning == null || warning.isBlank()) {
      return List.of();
    }
    return Arrays.stream(warning.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** True when the engine changed something. */
  public boolean changed() {
    return status != WriteStatus.UNCHANGED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WriteResult that
        && status == that.status
        && httpStatus == that.httpStatus
        && Objects.equals(warning, that.warning);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, httpStatus, warning);
  }

  @Override
  public String toString() {
    return "WriteResult[" + status + (warning == null ? "" : ", warning=" + warning) + "]";
  }
}
