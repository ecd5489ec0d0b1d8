package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.DemoDayFiles;

/**
 * The submit jar under spark-submit: once on a real standalone cluster (a master and a worker
 * started here as child JVMs from the same Spark jars, on 127.0.0.1) and once in local mode; both
 * write the same outputs, and the figures are the hand-worked ones of the demo day.
 */
class StandaloneClusterIT {
  private static final Path TARGET =
      Path.of(System.getProperty("p2penergy.analytics.target", "target"));
  private static final Path HOME = TARGET.toAbsolutePath().getParent().getParent();

  @TempDir Path tmp;
  private final List<Process> daemons = new ArrayList<>();

  @AfterEach
  void stopDaemons() throws InterruptedException {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static String classpath() throws IOException {
    return Files.readString(TARGET.resolve("classpath.txt")).strip();
  }

  private static Path submitJar() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-spark-submit.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("package the submit jar first (mvn package)"));
    }
  }

  /**
   * A SPARK_HOME whose jars/ holds the Maven-resolved Spark jars: what a worker starts executors
   * with.
   */
  private Path sparkHome() throws IOException {
    // Under target/, not @TempDir: JUnit would warn about every link when cleaning up.
    Path home = TARGET.resolve("it-spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : classpath().split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    return home;
  }

  private Process start(List<String> command, Path log, Path sparkHome) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    return pb.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void await(String what, Path log, String text, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError(what + " exited:\n" + Files.readString(log));
      }
      Thread.sleep(250);
    }
    throw new AssertionError(what + " not ready in 120 s:\n" + Files.readString(log));
  }

  private static void awaitPort(int port, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new AssertionError("master exited:\n" + Files.readString(log));
        }
        Thread.sleep(250);
      }
    }
    throw new AssertionError("master not listening in 120 s:\n" + Files.readString(log));
  }

  private String submit(String master, Path data, Path config, Path log, Path sparkHome)
      throws Exception {
    List<String> command =
        List.of(
            HOME.resolve("bin/spark-submit").toString(),
            "--master",
            master,
            "--class",
            "org.p2penergy.analytics.cli.AnalyticsMain",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false",
            "--executor-memory",
            "512m",
            "--total-executor-cores",
            "1",
            submitJar().toString(),
            "analyze",
            "--data",
            data.toUri().toString(),
            "--config",
            config.toString(),
            "--date",
            "2026-11-27");
    Process p = start(command, log, sparkHome);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit did not finish in 5 min:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void theSubmitJarOnAStandaloneClusterWritesWhatLocalModeWrites() throws Exception {
    Path sparkHome = sparkHome();
    Path config = tmp.resolve("p2penergy.yaml");
    Files.writeString(config, DemoDayFiles.CONFIG);
    Path clusterData = tmp.resolve("cluster-data");
    Path localData = tmp.resolve("local-data");
    DemoDayFiles.write(clusterData);
    DemoDayFiles.write(localData);

    int port = freePort();
    Path masterLog = tmp.resolve("master.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process master =
        start(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                classpath(),
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                "0"),
            masterLog,
            sparkHome);
    daemons.add(master);
    awaitPort(port, master, masterLog);
    Path workerLog = tmp.resolve("worker.log");
    Process worker =
        start(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                classpath(),
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--webui-port",
                "0",
                "--cores",
                "1",
                "--memory",
                "1g",
                "--work-dir",
                tmp.resolve("work").toString(),
                "spark://127.0.0.1:" + port),
            workerLog,
            sparkHome);
    daemons.add(worker);
    await("worker", workerLog, "Successfully registered with master", worker);

    String clusterOut =
        submit(
            "spark://127.0.0.1:" + port,
            clusterData,
            config,
            tmp.resolve("submit-cluster.log"),
            sparkHome);
    assertThat(clusterOut).contains("analyze: [5/5]").contains("summary.json");
    assertThat(Files.readString(workerLog)).contains("Asked to launch executor");
    String localOut =
        submit("local[2]", localData, config, tmp.resolve("submit-local.log"), sparkHome);
    assertThat(localOut).contains("analyze: done");

    ObjectMapper json = new ObjectMapper();
    JsonNode cluster =
        json.readTree(clusterData.resolve("reports/home/2026-11-27/summary.json").toFile());
    JsonNode local =
        json.readTree(localData.resolve("reports/home/2026-11-27/summary.json").toFile());
    ((ObjectNode) cluster).remove("generated_at");
    ((ObjectNode) local).remove("generated_at");
    assertThat(cluster).isEqualTo(local);
    double fridgeWs = 86_400 * 20 + 15 * 180 + 820 * 30 + 140 * 1770 - 20 * 1200;
    assertThat(cluster.path("totals").path("kwh").asDouble())
        .isCloseTo((fridgeWs + 1200 * 180 + 100 * 30) / 3.6e6, within(1e-9));
    for (String table : List.of("daily", "hourly", "states", "anomalies")) {
      assertThat(clusterData.resolve("analytics/" + table + "/home=home/date=2026-11-27"))
          .isDirectory();
      assertThat(partFiles(clusterData, table)).isEqualTo(partFiles(localData, table));
    }
  }

  /** Bytes of the date's Parquet files: the same rows in the same order give the same size. */
  private static long partFiles(Path data, String table) throws IOException {
    try (Stream<Path> files =
        Files.list(data.resolve("analytics/" + table + "/home=home/date=2026-11-27"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
