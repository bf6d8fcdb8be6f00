package io.github.clerk4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line and figure helpers shared by the benchmarks of this package. */
final class Cli {
  private Cli() {}

  /**
   * {@code --name value} pairs of the known names (the last value of a name given twice); {@code
   * null} after printing {@code help} for {@code --help}.
   */
  static Map<String, String> parse(String[] args, String help, String... known) {
    Map<String, List<String>> all = parseAll(args, help, known);
    if (all == null) {
      return null;
    }
    Map<String, String> last = new LinkedHashMap<>();
    all.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
    return last;
  }

  /**
   * Every value of each known name, in order, for options that may be given again; {@code null}
   * after printing {@code help} for {@code --help}.
   */
  static Map<String, List<String>> parseAll(String[] args, String help, String... known) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> names = Arrays.asList(known);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(help);
        return null;
      }
      if (!arg.startsWith("--") || !names.contains(arg.substring(2))) {
        throw new IllegalArgumentException("unknown option " + arg + "\n" + help);
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(arg + " needs a value\n" + help);
      }
      values.computeIfAbsent(arg.substring(2), n -> new ArrayList<>()).add(args[++i]);
    }
    return values;
  }

  static int positive(Map<String, String> o, String name, int otherwise) {
    int v = Integer.parseInt(o.getOrDefault(name, String.valueOf(otherwise)));
    if (v < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1");
    }
    return v;
  }

  static int nonNegative(Map<String, String> o, String name, int otherwise) {
    int v = Integer.parseInt(o.getOrDefault(name, String.valueOf(otherwise)));
    if (v < 0) {
      throw new IllegalArgumentException("--" + name + " must not be negative");
    }
    return v;
  }

  static String machine(String title) {
    return String.format(Locale.ROOT, "%s: Java %s, %s %s, %d CPUs, max heap %d MiB, load average %s",
        title, System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
  }

  static String loadAverage() {
    return LoadRunner.loadAverage();
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return middle(s);
  }

  private static double middle(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** {@code median (min – max)} in the given format. */
  static String spread(double[] values, String format) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, format + " (" + format + " – " + format + ")",
        middle(s), s[0], s[s.length - 1]);
  }
}
