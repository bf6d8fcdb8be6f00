/**
 * The Clerk emulator: {@link io.github.clerk4j.testing.ClerkEmulator}, a local Frontend API on
 * loopback with seeded {@link io.github.clerk4j.testing.EmulatorUser}s, an {@link
 * io.github.clerk4j.testing.Outbox} of the codes it would have sent, a {@link
 * io.github.clerk4j.testing.TestClock} and the instance's settings; and {@link
 * io.github.clerk4j.testing.ClerkEmulatorExtension}, which starts one for a JUnit 5 test class.
 */
@NullMarked
package io.github.clerk4j.testing;

import org.jspecify.annotations.NullMarked;
