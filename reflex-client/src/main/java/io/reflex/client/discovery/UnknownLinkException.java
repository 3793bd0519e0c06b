package io.reflex.client.discovery;

/** A service links to a service that does not exist: a typo or a deleted service, never a transient state. */
public final class UnknownLinkException extends LinkException {
  private final String service;
  private final String link;

  public UnknownLinkException(String service, String link) {
    super("Service " + service + " links to " + link + ", which does not exist");
    this.service = service;
    this.link = link;
  }

  /** The service whose {@code links} name the missing one. */
  public String service() {
    return service;
  }

  /** The linked service that does not exist. */
  public String link() {
    return link;
  }
}
