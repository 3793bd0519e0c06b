package io.reflex.client;

import java.time.Duration;
import java.time.Instant;

/** One signed-in engine session. {@code apikeyId} is the numeric {@code jti} every API token must carry. */
record Session(long apikeyId, String sid, Secret secret, Instant expiresAt) {
  boolean expiresWithin(Duration margin, Instant now) {
    return !now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "Session[apikey " + apikeyId + ", expires " + expiresAt + "]";
  }
}
