package io.github.clerk4j.samples;

import io.github.clerk4j.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one run of a flow ended.
 *
 * @param flow the flow's name
 * @param statuses the sign-in statuses it went through
 * @param session the session it ended with, if it signed in
 * @param requests how many Frontend API requests it sent
 * @param elapsed how long it took
 */
record FlowResult(
    String flow, List<String> statuses, Optional<Session> session, int requests, Duration elapsed) {}
