/**
 * The clerk4j API: {@link io.github.clerk4j.Clerk}, one client of one Clerk instance, and the
 * immutable values its calls return. A sign-in is a {@link io.github.clerk4j.SignIn} whose methods
 * ({@code password}, {@code mfa().sendEmailCode()}, {@code verifyTOTP}, {@code finalize}, ...) each
 * return the next {@code SignIn}, as in Clerk's JavaScript SDK; a sign-up is a {@link
 * io.github.clerk4j.SignUp}; the signed-in account is a {@link io.github.clerk4j.User} with its
 * {@link io.github.clerk4j.Session}s. Failures are {@link io.github.clerk4j.ClerkException}s:
 * {@link io.github.clerk4j.ClerkApiException} when Clerk refused, {@link
 * io.github.clerk4j.ClerkNetworkException} when no usable answer came.
 *
 * <p>Every type here is null-marked: nothing returns or accepts {@code null} unless it says
 * {@code @Nullable}; an absent value is an {@link java.util.Optional}.
 */
@NullMarked
package io.github.clerk4j;

import org.jspecify.annotations.NullMarked;
