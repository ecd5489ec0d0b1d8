package org.p2penergy.notebooks.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The Java kernel installed into a private Jupyter data directory: {@code java -jar
 * rapaio-jupyter-kernel.jar -i -auto} with {@code user.home} pointed at {@code dir}, so nothing
 * outside it changes. Jupyter finds it with {@code JUPYTER_PATH=path()}; {@code pythonPath()} holds
 * the kernel manager that waits for the kernel to start (see p2penergy_kernel.py).
 */
public record KernelSpec(Path path, Path pythonPath) {

  public static final String KERNEL_NAME = "rapaio-jupyter-kernel";
  public static final String MANAGER_CLASS = "p2penergy_kernel.DelayedStartKernelManager";

  public static KernelSpec install(Path kernelJar, Path dir)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(kernelJar)) {
      throw new IllegalStateException(
          kernelJar + " is missing: build it with 'mvn -pl notebooks -am package -DskipTests'");
    }
    Files.createDirectories(dir);
    Path log = dir.resolve("kernel-install.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Duser.home=" + dir.toAbsolutePath(),
                "-jar",
                kernelJar.toAbsolutePath().toString(),
                "-i",
                "-auto")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "installing the Java kernel failed; see " + log + ":\n" + Files.readString(log));
    }
    Path jupyterPath = dir.resolve(".local/share/jupyter");
    if (!Files.isRegularFile(jupyterPath.resolve("kernels/" + KERNEL_NAME + "/kernel.json"))) {
      throw new IllegalStateException("the kernel installer wrote no kernel.json; see " + log);
    }
    Path python = Files.createDirectories(dir.resolve("python"));
    try (InputStream in = KernelSpec.class.getResourceAsStream("p2penergy_kernel.py")) {
      Files.copy(in, python.resolve("p2penergy_kernel.py"), StandardCopyOption.REPLACE_EXISTING);
    }
    return new KernelSpec(jupyterPath, python);
  }
}
