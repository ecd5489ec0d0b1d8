package org.p2penergy.notebooks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.p2penergy.notebooks.demo.DemoData;
import org.p2penergy.notebooks.demo.DemoManifest;

/**
 * Executes every notebook headless (what {@code notebooks/run-all} runs): on {@code --data DIR}, or
 * on freshly generated demo data in {@code target/demo-data}. Executed copies and logs go to {@code
 * target/executed/}. Exit code 0 when every notebook ran without a cell error and shows a figure.
 */
public final class RunAll {

  /** The notebooks, in the order a reader would open them. */
  public static final List<String> NOTEBOOKS =
      List.of(
          "explore-a-day.ipynb",
          "fridge-cycles.ipynb",
          "tariff-what-if.ipynb",
          "data-quality.ipynb");

  private RunAll() {}

  public static void main(String[] args) throws Exception {
    Path module = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("target/kernel"))) {
      module = module.resolve("notebooks");
    }
    Path data = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> {
          if (i + 1 == args.length) {
            usage("--data needs a directory");
          }
          data = Path.of(args[++i]).toAbsolutePath();
        }
        case "-h", "--help" -> usage(null);
        default -> {
          if (args[i].startsWith("-") || !NOTEBOOKS.contains(args[i])) {
            usage("unknown notebook or option '" + args[i] + "'");
          }
          names.add(args[i]);
        }
      }
    }
    if (names.isEmpty()) {
      names = NOTEBOOKS;
    }
    Jupyter jupyter;
    try {
      jupyter = Jupyter.find();
    } catch (IllegalStateException e) {
      System.err.println("run-all: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (data == null) {
      data = module.resolve("target/demo-data");
      deleteTree(data);
      System.out.println("Generating demo data in " + data + " ...");
      DemoManifest m = DemoData.generate(data, DemoData.DEFAULT_FIRST, DemoData.DEFAULT_DAYS);
      System.out.printf("  %s .. %s, %,d readings%n", m.first(), m.last(), m.readings());
    }
    KernelSpec kernel =
        KernelSpec.install(
            module.resolve("target/kernel/rapaio-jupyter-kernel.jar"),
            module.resolve("target/jupyter"));
    NotebookExecutor executor = executor(jupyter, kernel, data);
    int failed = 0;
    for (String name : names) {
      System.out.println("Running " + name + " ...");
      NotebookExecutor.Result r =
          executor.execute(module.resolve(name), module.resolve("target/executed"));
      if (!r.ok()) {
        failed++;
        System.out.println(r.logTail());
        System.out.printf(
            "  FAILED %s (nbconvert exit %d); log: %s%n",
            name, r.exitCode(), r.executed().resolveSibling(name.replace(".ipynb", ".log")));
        continue;
      }
      ExecutedNotebook nb = ExecutedNotebook.read(r.executed());
      boolean good = nb.errors().isEmpty() && nb.images() > 0;
      if (!good) {
        failed++;
      }
      System.out.printf(
          "  %s %s in %d s: %d figure(s)%s -> %s%n",
          good ? "ok" : "FAILED",
          name,
          r.took().toSeconds(),
          nb.images(),
          nb.errors().isEmpty() ? "" : ", errors " + nb.errors(),
          r.executed());
      nb.summary().forEach((k, v) -> System.out.println("      " + k + ": " + v));
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  /**
   * The executor the runner and the tests use: 20 s to answer after the kernel started, 3 starts at
   * most.
   */
  public static NotebookExecutor executor(Jupyter jupyter, KernelSpec kernel, Path data) {
    return new NotebookExecutor(
        jupyter,
        kernel,
        Map.of("P2PENERGY_DATA", data.toString()),
        Duration.ofSeconds(20),
        Duration.ofSeconds(300),
        3);
  }

  private static void usage(String error) {
    String text =
        "Usage: notebooks/run-all [--data DIR] [NOTEBOOK.ipynb ...]\n"
            + "Executes the notebooks headless with nbconvert (executed copies in"
            + " notebooks/target/executed/).\n"
            + "  --data DIR   a P2P Energy data directory (default: fresh demo data in"
            + " notebooks/target/demo-data)\n"
            + "  NOTEBOOK     any of "
            + String.join(", ", NOTEBOOKS)
            + " (default: all)";
    if (error != null) {
      System.err.println("run-all: " + error);
      System.err.println(text);
      System.exit(2);
    }
    System.out.println(text);
    System.exit(0);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
