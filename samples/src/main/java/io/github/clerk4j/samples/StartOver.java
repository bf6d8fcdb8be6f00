package io.github.clerk4j.samples;

/** The user chose "Start over": the flow runs again from its first step with an empty sign-in. */
final class StartOver extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StartOver() {
    super("start over", null, false, false);
  }

  /** Standard input ended: stop the interactive flow. */
  static final class Quit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Quit() {
      super("input closed", null, false, false);
    }
  }
}
