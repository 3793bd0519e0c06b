package io.reflex.client;

/** What a successful write did. {@link #UNCHANGED} is the engine's 202 "No changes were made", not a failure. */
public enum WriteStatus {
  CREATED,
  UPDATED,
  UNCHANGED,
  DELETED
}
