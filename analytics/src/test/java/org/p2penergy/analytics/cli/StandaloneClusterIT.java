package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.StorageAccess;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.store.S3ProxyServer;

/**
 * The submit jar under spark-submit: once on a real standalone cluster (a master and two workers
 * started here as child JVMs from the same Spark jars, on 127.0.0.1) with the community's readings
 * and outputs on a real S3 API (s3proxy, SigV4), and once in local mode on a local folder; both
 * give the same summaries, home by home (their figures are checked by hand in CommunityAnalyzeIT).
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

  private String submit(
      String master, Path community, Map<String, String> env, Path log, Path sparkHome)
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
            "2",
            submitJar().toString(),
            "analyze",
            "--community",
            community.toString(),
            "--date",
            SmallCommunity.DAY.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("spark-submit did not finish in 5 min:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  private Process worker(String java, int port, int n, Path sparkHome) throws Exception {
    Path workerLog = tmp.resolve("worker-" + n + ".log");
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
                tmp.resolve("work-" + n).toString(),
                "spark://127.0.0.1:" + port),
            workerLog,
            sparkHome);
    daemons.add(worker);
    await("worker " + n, workerLog, "Successfully registered with master", worker);
    return worker;
  }

  @Test
  void aCommunityOnS3OnAClusterOfTwoWorkersGivesWhatLocalModeGivesOnADisk() throws Exception {
    Path sparkHome = sparkHome();
    Path community = SmallCommunity.write(tmp);
    try (S3ProxyServer s3 = S3ProxyServer.start(tmp, "p2p-energy")) {
      Path s3Community =
          SmallCommunity.writeS3Community(
              tmp, "s3://p2p-energy/oak", s3.port, "TEST_S3_KEY", "TEST_S3_SECRET");
      Map<String, String> env = Map.of("TEST_S3_KEY", s3.identity, "TEST_S3_SECRET", s3.credential);
      StorageSettings storage = CommunityLoader.load(s3Community).storage().orElseThrow();
      Configuration conf = new Configuration();
      StorageAccess.configure(conf, storage, env);
      // The readings go up to the store through its S3 API (real SigV4).
      org.apache.hadoop.fs.Path bucketRoot = new org.apache.hadoop.fs.Path(storage.hadoopRoot());
      FileSystem store = bucketRoot.getFileSystem(conf);
      FileUtil.copy(
          FileSystem.getLocal(conf),
          new org.apache.hadoop.fs.Path(tmp.resolve("data/readings").toUri()),
          store,
          new org.apache.hadoop.fs.Path(bucketRoot, "readings"),
          false,
          conf);

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
      worker(java, port, 1, sparkHome);
      worker(java, port, 2, sparkHome);

      String clusterOut =
          submit(
              "spark://127.0.0.1:" + port,
              s3Community,
              env,
              tmp.resolve("submit-cluster.log"),
              sparkHome);
      assertThat(clusterOut).contains("analyze: [5/5]").contains("for Oak Lane (5 homes)");
      String localOut =
          submit("local[2]", community, Map.of(), tmp.resolve("submit-local.log"), sparkHome);
      assertThat(localOut).contains("analyze: done");
      // Both workers ran executors.
      assertThat(Files.readString(tmp.resolve("worker-1.log")))
          .contains("Asked to launch executor");
      assertThat(Files.readString(tmp.resolve("worker-2.log")))
          .contains("Asked to launch executor");

      ObjectMapper json = new ObjectMapper();
      for (String home : SmallCommunity.HOMES) {
        String key = "reports/" + home + "/" + SmallCommunity.DAY + "/summary.json";
        JsonNode fromStore;
        try (var in = store.open(new org.apache.hadoop.fs.Path(bucketRoot, key))) {
          fromStore = json.readTree(in);
        }
        JsonNode fromDisk = json.readTree(tmp.resolve("data").resolve(key).toFile());
        ((ObjectNode) fromStore).remove("generated_at");
        ((ObjectNode) fromDisk).remove("generated_at");
        // Unreadable files are named by their own URL: s3a://... on the store, file:... on disk.
        ((ObjectNode) fromStore.path("data_quality"))
            .remove(List.of("unreadable_files", "unreadable_reasons"));
        ((ObjectNode) fromDisk.path("data_quality"))
            .remove(List.of("unreadable_files", "unreadable_reasons"));
        assertThat(fromStore).as(home).isEqualTo(fromDisk);
      }
      // Every table written back to the store, partitioned by home and date.
      for (String table : List.of("daily", "hourly", "states")) {
        assertThat(
                store.exists(
                    new org.apache.hadoop.fs.Path(
                        bucketRoot,
                        "analytics/" + table + "/home=oak-1/date=" + SmallCommunity.DAY)))
            .as(table)
            .isTrue();
      }
      // The secret is in no output: the submit's, the daemons', the executors' logs.
      StringBuilder everything = new StringBuilder(clusterOut).append(s3.logs());
      for (String log : List.of("master.log", "worker-1.log", "worker-2.log")) {
        everything.append(Files.readString(tmp.resolve(log)));
      }
      try (Stream<Path> logs = Files.walk(tmp)) {
        for (Path f :
            logs.filter(p -> p.toString().contains("/work-"))
                .filter(Files::isRegularFile)
                .toList()) {
          if (f.getFileName().toString().matches("stdout|stderr"))
            everything.append(Files.readString(f));
        }
      }
      assertThat(everything.toString()).doesNotContain(s3.credential);
    }
  }
}
