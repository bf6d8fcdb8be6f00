/**
 * The Frontend API's JSON, decoded by clerk4j-core from a transport's {@link
 * io.github.clerk4j.spi.JsonSource} into internal records (the client, sign-ins, sign-ups,
 * sessions, users, errors), and the table of which decoder reads which endpoint's answer. Not API:
 * not exported from the module, and it changes without notice.
 */
@NullMarked
package io.github.clerk4j.internal.wire;

import org.jspecify.annotations.NullMarked;
