package io.reflex.client;

import io.reflex.client.internal.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running watch. It owns one daemon thread that keeps the feed open: it reconnects with backoff and jitter,
 * resumes with {@code Last-Event-ID} so no change is skipped, and switches to polling when the engine has no
 * feed. Close it to stop; no listener call starts after {@link #close()} returns.
 */
public final class WatchSubscription implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WatchSubscription.class);

  private final ReflexClient client;
  private final WatchRequest request;
  private final WatchListener listener;
  private final Backoff backoff;
  private final Thread thread;
  private final AtomicLong lastSeq = new AtomicLong();
  private final ReentrantLock delivery = new ReentrantLock();
  private volatile boolean closed;
  private volatile boolean polling;
  private volatile Call inFlight;
  private int failedAttempts;

  private WatchSubscription(ReflexClient client, WatchRequest request, WatchListener listener) {
    this.client = client;
    this.request = request;
    this.listener = listener;
    this.backoff = new Backoff(request.reconnectInitial(), request.reconnectMax());
    this.thread = Thread.ofPlatform().daemon().name("reflex-watch").unstarted(this::run);
  }

  static WatchSubscription start(ReflexClient client, WatchRequest request, WatchListener listener) {
    WatchSubscription subscription = new WatchSubscription(client, request, listener);
    subscription.thread.start();
    return subscription;
  }

  /** True once the engine turned out to have no watch feed and the subscription polls instead. */
  public boolean polling() {
    return polling;
  }

  /** The sequence number of the last event delivered from the feed; 0 before the first one. */
  public long lastSeq() {
    return lastSeq.get();
  }

  /** True after {@link #close()}, or after a failure retrying cannot fix. */
  public boolean closed() {
    return closed;
  }

  /** Stops the watch: cancels the open stream and waits briefly for an event in delivery to finish. */
  @Override
  public void close() {
    closed = true;
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        if (delivery.tryLock(5, TimeUnit.SECONDS)) {
          delivery.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "WatchSubscription[" + request + (polling ? ", polling" : "") + (closed ? ", closed" : "") + "]";
  }

  private void run() {
    WatchStream stream = new WatchStream(client, request);
    while (!closed) {
      if (polling) {
        pollForever();
        return;
      }
      try {
        WatchStream.End end = stream.run(lastSeq.get(), this::hold, () -> failedAttempts = 0, this::deliver);
        if (end == WatchStream.End.UNSUPPORTED) {
          LOG.info("engine at {} has no watch feed; polling every {}", client.url(), request.pollInterval());
          polling = true;
          continue;
        }
      } catch (EngineUnreachableException | EngineErrorException | NotFoundException | ConflictException e) {
        report(e, true);
      } catch (AuthenticationException | ForbiddenException | ValidationException | InvalidSettingsException e) {
        report(e, false);
        closed = true;
        return;
      } catch (IOException e) {
        if (!closed) {
          report(client.transport().unreachable(e), true);
        }
      }
      pause(backoff.delay(failedAttempts++));
    }
  }

  private void pollForever() {
    WatchPoller poller = new WatchPoller(client, request, client.clock());
    while (!closed) {
      for (WatchEvent event : poller.poll((type, failure) -> report(failure, true))) {
        deliver(event);
      }
      if (poller.exhausted()) {
        closed = true;
        return;
      }
      pause(request.pollInterval());
    }
  }

  private boolean hold(Call call) {
    inFlight = call;
    return !closed;
  }

  private void deliver(WatchEvent event) {
    delivery.lock();
    try {
      if (closed) {
        return;
      }
      if (event.seq() > 0) {
        lastSeq.set(event.seq());
      }
      listener.onEvent(event);
    } catch (RuntimeException listenerBug) {
      LOG.warn("watch listener failed on {} {} {}", event.action(), event.type().path(), event.name(), listenerBug);
    } finally {
      delivery.unlock();
    }
  }

  private void report(ReflexException failure, boolean retrying) {
    if (closed) {
      return;
    }
    LOG.debug("watch failure ({}): {}", retrying ? "retrying" : "stopping", failure.getMessage());
    try {
      listener.onFailure(failure, retrying);
    } catch (RuntimeException listenerBug) {
      LOG.warn("watch listener failed on a failure report", listenerBug);
    }
  }

  private void pause(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      closed = true;
    }
  }
}
