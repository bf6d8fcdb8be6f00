package io.github.clerk4j.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * A future whose {@link #cancel(boolean)} stops the work: it interrupts the thread running it
 * (a plain {@code CompletableFuture} only marks itself cancelled and lets the work run on). Used
 * for waits that may last minutes, such as polling an e-mail link's verification or waiting for a
 * browser to come back, so that an app's "Cancel" button frees the thread and the socket.
 *
 * <p>Only this future's {@code cancel} stops the work; a dependent stage ({@code thenApply},
 * ...) is a different future whose {@code cancel} does not reach back here.
 */
public final class InterruptibleTask<T> extends CompletableFuture<T> {

  private final Object lock = new Object();
  /** The thread running the work while it runs, else null; guarded by {@link #lock}. */
  private @Nullable Thread runner;
  private final @Nullable Runnable onCancel;

  private InterruptibleTask(@Nullable Runnable onCancel) {
    this.onCancel = onCancel;
  }

  /**
   * Runs {@code work} on {@code executor}. An exception it throws completes the future with it
   * (unwrapped); an interruption it sees after a cancel ends it quietly.
   *
   * @param onCancel also run on cancel (close a socket the work blocks on), or null
   */
  public static <T> InterruptibleTask<T> start(Executor executor, Callable<T> work, @Nullable Runnable onCancel) {
    InterruptibleTask<T> task = new InterruptibleTask<>(onCancel);
    try {
      executor.execute(() -> task.run(work));
    } catch (RejectedExecutionException e) {
      task.completeExceptionally(e);
    }
    return task;
  }

  private void run(Callable<T> work) {
    synchronized (lock) {
      if (isDone()) {
        return;
      }
      runner = Thread.currentThread();
    }
    try {
      complete(work.call());
    } catch (CompletionException e) {
      completeExceptionally(e.getCause() == null ? e : e.getCause());
    } catch (Throwable e) {
      completeExceptionally(e);
    } finally {
      synchronized (lock) {
        runner = null;
      }
      // An interrupt of a cancel that raced the end of the work must not reach the pool's next task.
      Thread.interrupted();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      synchronized (lock) {
        if (runner != null) {
          runner.interrupt();
        }
      }
      if (onCancel != null) {
        onCancel.run();
      }
    }
    return cancelled;
  }
}
