package org.p2penergy.notebooks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter installation to run notebooks with. Debian's {@code /usr/bin/jupyter} comes first: it
 * runs on {@code /usr/bin/python3} whatever {@code python3} is first on PATH (a pyenv one may lack
 * nbconvert); then {@code jupyter} on PATH.
 */
public record Jupyter(Path executable, String nbconvertVersion) {

  static final String INSTALL_HINT =
      "install Debian's packages: apt-get install jupyter-notebook jupyter-nbconvert"
          + " python3-ipykernel";

  /** Finds a jupyter whose nbconvert runs, or fails with what to install. */
  public static Jupyter find() {
    List<Path> candidates = new ArrayList<>();
    candidates.add(Path.of("/usr/bin/jupyter"));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "jupyter"));
      }
    }
    return find(candidates);
  }

  static Jupyter find(List<Path> candidates) {
    List<String> tried = new ArrayList<>();
    for (Path candidate : candidates) {
      if (!Files.isExecutable(candidate) || tried.contains(candidate.toString())) {
        continue;
      }
      tried.add(candidate.toString());
      String version = nbconvertVersion(candidate);
      if (version != null) {
        return new Jupyter(candidate, version);
      }
    }
    throw new IllegalStateException(
        "Jupyter with nbconvert is not installed ("
            + (tried.isEmpty() ? "no jupyter on PATH" : "tried " + String.join(", ", tried))
            + "): "
            + INSTALL_HINT);
  }

  private static String nbconvertVersion(Path jupyter) {
    try {
      Process p =
          new ProcessBuilder(jupyter.toString(), "nbconvert", "--version")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && out.matches("[0-9][0-9.]*\\S*") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
