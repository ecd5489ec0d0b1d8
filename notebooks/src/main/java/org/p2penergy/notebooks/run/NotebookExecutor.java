package org.p2penergy.notebooks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook headless: {@code jupyter nbconvert --to notebook --execute} with the Java
 * kernel, writing the executed copy to {@code outDir}. A kernel that does not answer at start is
 * started again (up to {@code attempts} times); a failing cell is never retried.
 */
public final class NotebookExecutor {

  /** What nbconvert prints when the kernel did not answer its first request, or died first. */
  static final List<String> NO_START =
      List.of("Kernel didn't respond", "Kernel died before replying to kernel_info");

  private final Jupyter jupyter;
  private final KernelSpec kernel;
  private final Map<String, String> env;
  private final Duration startupTimeout;
  private final Duration cellTimeout;
  private final int attempts;

  public NotebookExecutor(
      Jupyter jupyter,
      KernelSpec kernel,
      Map<String, String> env,
      Duration startupTimeout,
      Duration cellTimeout,
      int attempts) {
    this.jupyter = jupyter;
    this.kernel = kernel;
    this.env = Map.copyOf(env);
    this.startupTimeout = startupTimeout;
    this.cellTimeout = cellTimeout;
    this.attempts = attempts;
  }

  /** The outcome: nbconvert exit code, its log, the executed notebook and the starts it took. */
  public record Result(
      Path notebook, int exitCode, String log, Path executed, int kernelStarts, Duration took) {

    public boolean ok() {
      return exitCode == 0 && Files.isRegularFile(executed);
    }

    /** The end of the log: the failing cell and its error, for a failure message. */
    public String logTail() {
      List<String> lines =
          log.lines()
              .filter(l -> !l.startsWith("[20")) // the kernel's own per-message log lines
              .toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }

  public Result execute(Path notebook, Path outDir) throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    String name = notebook.getFileName().toString();
    Path executed = outDir.resolve(name);
    Path logFile = outDir.resolve(name.replaceAll("\\.ipynb$", "") + ".log");
    long started = System.nanoTime();
    int starts = 0;
    while (true) {
      starts++;
      Files.deleteIfExists(executed);
      int exit = run(notebook, outDir, logFile);
      String log = Files.readString(logFile);
      boolean noAnswer =
          exit != 0 && NO_START.stream().anyMatch(log::contains) && !Files.exists(executed);
      if (noAnswer && starts < attempts) {
        System.err.printf(
            "  %s: the kernel did not start (no answer within %d s, or it died), starting it"
                + " again%n",
            name, startupTimeout.toSeconds());
        continue;
      }
      return new Result(
          notebook, exit, log, executed, starts, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private int run(Path notebook, Path outDir, Path logFile)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(jupyter.executable().toString());
    command.addAll(
        List.of(
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.kernel_name=" + KernelSpec.KERNEL_NAME,
            "--ExecutePreprocessor.kernel_manager_class=" + KernelSpec.MANAGER_CLASS,
            "--ExecutePreprocessor.startup_timeout=" + startupTimeout.toSeconds(),
            "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
            "--output-dir",
            outDir.toAbsolutePath().toString(),
            notebook.toAbsolutePath().toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            // The kernel runs in the notebook's folder: its relative paths (target/...) resolve
            // there.
            .directory(notebook.toAbsolutePath().getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile());
    pb.environment().putAll(env);
    pb.environment().put("JUPYTER_PATH", kernel.path().toString());
    String pythonPath = pb.environment().get("PYTHONPATH");
    pb.environment()
        .put(
            "PYTHONPATH",
            kernel.pythonPath()
                + (pythonPath == null || pythonPath.isEmpty() ? "" : ":" + pythonPath));
    Process p = pb.start();
    long limit = startupTimeout.toSeconds() + 20 * cellTimeout.toSeconds();
    if (!p.waitFor(limit, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
