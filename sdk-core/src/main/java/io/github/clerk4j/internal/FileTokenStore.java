package io.github.clerk4j.internal;

import io.github.clerk4j.ClerkException;
import io.github.clerk4j.TokenStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link TokenStore#file(Path)}: owner-only permissions, atomic replace via a temp file, and one
 * owner at a time. Two clients sharing one file would each overwrite the other's token, and the
 * next start would sign in as whichever wrote last; so the store takes an exclusive lock on a
 * sibling {@code .lock} file at its first use and keeps it until {@link #close()}. A process's
 * file locks are not exclusive among its own threads, hence the set of paths held in this JVM.
 */
public final class FileTokenStore implements TokenStore {

  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path dir;
  private final Path lockPath;
  private final Object lock = new Object();
  /** Held from the first use until {@link #close()}; its channel is the open {@code .lock} file. */
  private @Nullable FileLock fileLock;

  /** @throws IllegalArgumentException {@code path} is a root, which names no file */
  public FileTokenStore(Path path) {
    this.path = path.toAbsolutePath().normalize();
    Path parent = this.path.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("the client token file must be a file in a directory, not " + this.path);
    }
    this.dir = parent;
    this.lockPath = this.path.resolveSibling(this.path.getFileName() + ".lock");
  }

  @Override
  public Optional<String> get() {
    synchronized (lock) {
      own();
      try {
        // readAllBytes, not Java 11's readString: Android (API 26) has only the former
        String s = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new ClerkException("cannot read the client token file " + path + ": " + e.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public void set(String token) {
    synchronized (lock) {
      own();
      Path tmp = null;
      try {
        // The temp file is created with owner-only permissions from the start, so the token is
        // never readable by others, not even for the moment before a chmod.
        tmp = posix(dir)
            ? Files.createTempFile(dir, path.getFileName() + ".", ".tmp", permissions())
            : Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
        Files.write(tmp, token.getBytes(StandardCharsets.UTF_8));
        try {
          Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
        tmp = null;
      } catch (IOException e) {
        throw new ClerkException("cannot write the client token file " + path + ": " + e.getClass().getSimpleName(), e);
      } finally {
        if (tmp != null) {
          try {
            Files.deleteIfExists(tmp);
          } catch (IOException ignored) {
            // best effort: the temp file holds a token, but failing here would hide the real error
          }
        }
      }
    }
  }

  @Override
  public void clear() {
    synchronized (lock) {
      own();
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new ClerkException("cannot delete the client token file " + path, e);
      }
    }
  }

  /** Releases the lock: another client may use the file from now on. */
  @Override
  public void close() {
    synchronized (lock) {
      if (fileLock == null) {
        return;
      }
      try {
        fileLock.release();
        fileLock.channel().close();
      } catch (IOException ignored) {
        // the channel is gone either way; the OS drops the lock with it
      } finally {
        fileLock = null;
        HELD_IN_THIS_JVM.remove(path);
      }
    }
  }

  /** Takes the exclusive lock of the file at first use; refuses with a clear message if it is taken. */
  private void own() {
    if (fileLock != null) {
      return;
    }
    if (!HELD_IN_THIS_JVM.add(path)) {
      throw new ClerkException("the client token file " + path + " is used by another Clerk in this"
          + " JVM: give each Clerk its own file, or close the other Clerk first");
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock taken = channel.tryLock();
      if (taken == null) {
        throw new ClerkException("the client token file " + path + " is used by another running process"
            + " (it holds " + lockPath + "): give each running app its own file, or stop the other one");
      }
      fileLock = taken;
    } catch (IOException | OverlappingFileLockException e) {
      throw new ClerkException("cannot lock the client token file " + path + " (" + lockPath + "): "
          + e.getClass().getSimpleName(), e);
    } finally {
      if (fileLock == null) {
        HELD_IN_THIS_JVM.remove(path);
        if (channel != null) {
          try {
            channel.close();
          } catch (IOException ignored) {
            // nothing was locked through it
          }
        }
      }
    }
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> permissions() {
    return PosixFilePermissions.asFileAttribute(OWNER_RW);
  }

  @Override
  public String toString() {
    return "TokenStore.file[" + path + "]";
  }
}
