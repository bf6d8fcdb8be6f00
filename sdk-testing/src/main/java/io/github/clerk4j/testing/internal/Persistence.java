package io.github.clerk4j.testing.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where an emulator keeps its state, each null for none.
 *
 * @param dataDir read at start and written after every change ({@link DataDir})
 * @param importFile a state file read at start, never written
 * @param exportOnClose where the state is written when the emulator stops
 */
public record Persistence(@Nullable Path dataDir, @Nullable Path importFile, @Nullable Path exportOnClose) {
  /** State in memory only. */
  public static final Persistence NONE = new Persistence(null, null, null);
}
