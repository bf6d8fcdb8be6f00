package io.github.clerk4j.it.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs test work with a time limit, so that a hang fails the test with a thread dump instead of
 * stalling the build. The limit is a generous bound against deadlocks, not a timing assertion.
 */
public final class Bounded {

  private Bounded() {}

  /**
   * Runs {@code task} on its own daemon thread and waits at most {@code limit} for it.
   *
   * @return what the task returned
   * @throws Exception what the task threw, as it threw it
   * @throws AssertionError the task did not finish in time (the message has every thread's stack;
   *     the task's thread is interrupted and left behind as a daemon)
   */
  public static <T> T call(String what, Duration limit, Callable<T> task) throws Exception {
    FutureTask<T> future = new FutureTask<>(task);
    Thread worker = new Thread(future, "bounded: " + what);
    worker.setDaemon(true);
    worker.start();
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    } catch (TimeoutException e) {
      String dump = threadDump();
      worker.interrupt();
      throw new AssertionError(what + " did not finish within " + limit.toSeconds() + " s; threads:\n" + dump);
    }
  }

  /** Every live thread's state, locks and stack. */
  public static String threadDump() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
      if (t.getLockName() != null) {
        out.append(" on ").append(t.getLockName());
      }
      if (t.getLockOwnerName() != null) {
        out.append(" owned by \"").append(t.getLockOwnerName()).append('"');
      }
      out.append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        out.append("    at ").append(frame).append('\n');
      }
    }
    long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    if (deadlocked != null) {
      out.append("deadlocked thread ids: ").append(java.util.Arrays.toString(deadlocked)).append('\n');
    }
    return out.toString();
  }
}
