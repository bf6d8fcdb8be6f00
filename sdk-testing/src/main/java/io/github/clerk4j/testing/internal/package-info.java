/**
 * The emulator's implementation: the HTTP front on the JDK's server, routing, the instance's state
 * apart from the rules that change it, codes, passwords and tokens. Not API: not exported from the
 * module, and it changes without notice.
 */
@NullMarked
package io.github.clerk4j.testing.internal;

import org.jspecify.annotations.NullMarked;
