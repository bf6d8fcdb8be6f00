package io.github.clerk4j.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code --data-dir}: the emulator's state in {@value #STATE_FILE}, read at start and written
 * again after every change. Changes are not written one by one: a writer thread writes the latest
 * state as soon as the previous write is done, so a burst of requests costs one write, and under
 * load the writes follow one another (the cost is measured in the README). {@link #close()} writes
 * once more and waits for it. A lock file keeps a second emulator off the same directory.
 */
final class DataDir implements AutoCloseable {
  static final String STATE_FILE = "emulator-state.json";
  private static final System.Logger LOG = System.getLogger(DataDir.class.getName());

  private final Path dir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  /** Set by {@link #attach}. */
  private @Nullable Thread writer;
  private @Nullable EmulatorState state;
  /** Guarded by this: a change not written yet, and whether to stop. */
  private boolean dirty;
  private boolean closing;
  private int writes;

  private DataDir(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.file = dir.resolve(STATE_FILE);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (and creates, owner-only) the directory and locks it.
   *
   * @throws IllegalStateException if another emulator uses it
   */
  static DataDir open(Path dir) {
    DataFiles.createOwnerOnlyDirectory(dir);
    try {
      FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(dir + " is the data directory of another emulator that is running:"
            + " stop it, or give this one another --data-dir");
      }
      return new DataDir(dir, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The state this directory kept, if it has any.
   *
   * @throws IllegalStateException for a file that is corrupt, of another format or of a newer version
   */
  Optional<Map<?, ?>> load() {
    return Files.exists(file) ? Optional.of(DataFiles.read(file, "used as the emulator's state")) : Optional.empty();
  }

  /** Starts writing this state after every change ({@link #changed()}), and writes it now. */
  synchronized void attach(EmulatorState state) {
    this.state = state;
    writeNow(state);
    writer = new Thread(() -> writeLoop(state), "clerk-emulator-state-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Something changed: the writer writes the state again (at once, or after the write under way). */
  synchronized void changed() {
    dirty = true;
    notifyAll();
  }

  /** How many times the state was written (for tests and the benchmark's figures). */
  synchronized int writes() {
    return writes;
  }

  private void writeLoop(EmulatorState state) {
    while (true) {
      synchronized (this) {
        while (!dirty && !closing) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closing) {
          return;
        }
        dirty = false;
      }
      writeNow(state);
    }
  }

  private void writeNow(EmulatorState state) {
    Map<String, Object> snapshot;
    synchronized (state.lock) {
      snapshot = StateFile.snapshot(state);
    }
    byte[] bytes = Json.write(snapshot).getBytes(StandardCharsets.UTF_8); // outside the lock: a tree of its own
    try {
      DataFiles.writeAtomically(file, bytes);
      synchronized (this) {
        writes++;
      }
    } catch (IOException e) {
      // Kept running: the next change tries again; the old file is still whole.
      LOG.log(System.Logger.Level.ERROR, "cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Writes the final state, stops the writer and unlocks the directory. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      closing = true;
      notifyAll();
      running = writer;
    }
    try {
      if (running != null) {
        running.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      EmulatorState attached = state;
      if (attached != null) {
        writeNow(attached);
      }
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot unlock " + dir + ": " + e.getMessage());
      }
    }
  }
}
