package io.github.clerk4j.samples.harness;

import io.github.clerk4j.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one run of a flow ended.
 *
 * @param flow the flow's name
 * @param statuses the status of each sign-in the server answered with, in order
 * @param session the session active at the end, if any
 * @param requests how many Frontend API requests the flow sent
 * @param elapsed how long it took
 */
record FlowResult(
    String flow, List<String> statuses, Optional<Session> session, int requests, Duration elapsed) {}
