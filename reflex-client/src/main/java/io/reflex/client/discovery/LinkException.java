package io.reflex.client.discovery;

/** A service's {@code links} cannot be used as written; the launch must stop with this message. */
public class LinkException extends RuntimeException {

  public LinkException(String message) {
    super(message);
  }
}
