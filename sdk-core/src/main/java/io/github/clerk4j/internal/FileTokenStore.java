package io.github.clerk4j.internal;

import io.github.clerk4j.ClerkException;
import io.github.clerk4j.TokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** {@link TokenStore#file(Path)}: owner-only permissions, atomic replace via a temp file. */
public final class FileTokenStore implements TokenStore {

  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final Object lock = new Object();

  public FileTokenStore(Path path) {
    this.path = path.toAbsolutePath();
  }

  @Override
  public Optional<String> get() {
    synchronized (lock) {
      try {
        String s = Files.readString(path, StandardCharsets.UTF_8).trim();
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
      Path dir = path.getParent();
      Path tmp = null;
      try {
        Files.createDirectories(dir);
        // The temp file is created with owner-only permissions from the start, so the token is
        // never readable by others, not even for the moment before a chmod.
        tmp = posix(dir)
            ? Files.createTempFile(dir, path.getFileName() + ".", ".tmp", permissions())
            : Files.createTempFile(dir, path.getFileName() + ".", ".tmp");
        Files.writeString(tmp, token, StandardCharsets.UTF_8);
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
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new ClerkException("cannot delete the client token file " + path, e);
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
