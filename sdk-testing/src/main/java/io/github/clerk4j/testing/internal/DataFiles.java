package io.github.clerk4j.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reading and writing state files: owner-only (they hold the instance's keys, password digests and
 * the outbox's codes), written whole to a temporary file, forced to disk and renamed over the old
 * one, so that a crash leaves the old file or the new one, never half of one.
 */
final class DataFiles {
  private static final Set<PosixFilePermission> OWNER_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_DIR =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private DataFiles() {}

  /**
   * The parsed state file.
   *
   * @throws IllegalStateException naming the file and what is wrong with it; the file is left as it is
   */
  static Map<?, ?> read(Path file, String use) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return StateFile.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " cannot be " + use + ": " + e.getMessage()
          + ". The emulator leaves it as it is: fix it, or move it away to start afresh.", e);
    }
  }

  /** Writes the bytes to {@code file} atomically, readable and writable by the owner only. */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      throw new IOException(file + " is a root directory, not a file");
    }
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp); // a leftover of a crash may have other permissions
    try (FileChannel out = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        ownerOnly(dir, OWNER_FILE))) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the rename itself, on file systems that allow syncing a directory
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform can: the file's content is on disk already
    }
  }

  /** Creates the directory owner-only if it does not exist. */
  static void createOwnerOnlyDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, ownerOnly(dir.toAbsolutePath().getParent(), OWNER_DIR));
      }
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(dir + " exists and is not a directory: give --data-dir a directory", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(@Nullable Path near, Set<PosixFilePermission> permissions) {
    boolean posix = near != null && Files.exists(near)
        && near.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
  }
}
