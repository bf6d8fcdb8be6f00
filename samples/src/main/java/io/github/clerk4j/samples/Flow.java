package io.github.clerk4j.samples;

/** One sample program: a flow of one of Clerk's custom-flow guides. */
interface Flow {

  /** The command-line name, for example {@code client-trust-email}. */
  String name();

  /** The guide it mirrors, as a path under https://clerk.com/docs/. */
  String guide();

  /** The users (and instance settings) the flow needs in the embedded emulator. */
  void seed(EmulatorSetup setup);

  /** Runs the flow; returns normally once the user is signed in (or the flow's goal is reached). */
  void run(FlowContext ctx);
}
