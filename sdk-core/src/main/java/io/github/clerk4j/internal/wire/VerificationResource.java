package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClerkError;
import java.time.Instant;

/** A verification ({@code object: verification_*}) of a sign-in step or an identifier. */
public record VerificationResource(
    String status, String strategy, Integer attempts, Instant expireAt, ClerkError error) {}
