/**
 * clerk4j-core's machinery behind the API: the call executor (retries, deadlines, the client
 * token), the token stores, redaction, the logging facade, the session token cache. Not API: not
 * exported from the module, and it changes without notice.
 */
@NullMarked
package io.github.clerk4j.internal;

import org.jspecify.annotations.NullMarked;
