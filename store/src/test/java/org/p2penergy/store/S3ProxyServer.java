package org.p2penergy.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 server on loopback for the tests: s3proxy (from Maven Central through the build,
 * jar-with-dependencies, never on the test classpath) as a child JVM with the filesystem backend
 * and SigV4, a fresh key pair each time. It can be stopped and started again on the same port with
 * the same objects (the store going down and coming back). Objects are plain files under {@code
 * basedir/bucket/key}.
 */
public final class S3ProxyServer implements AutoCloseable {
  public final int port;
  public final String identity;
  public final String credential;
  public final Path basedir;
  private final Path dir;
  private Process process;
  private int starts;

  private S3ProxyServer(Path dir, int port, String identity, String credential, Path basedir) {
    this.dir = dir;
    this.port = port;
    this.identity = identity;
    this.credential = credential;
    this.basedir = basedir;
  }

  /** A server with these buckets, started. */
  public static S3ProxyServer start(Path dir, String... buckets) throws Exception {
    S3ProxyServer s = create(dir, buckets);
    s.start();
    return s;
  }

  /** A server with these buckets and a port, not started (a store down from the beginning). */
  public static S3ProxyServer create(Path dir, String... buckets) throws IOException {
    Path basedir = Files.createDirectories(dir.resolve("s3"));
    for (String b : buckets) {
      Files.createDirectories(basedir.resolve(b));
    }
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    return new S3ProxyServer(
        dir,
        freePort(),
        "AKIA" + HexFormat.of().formatHex(random, 0, 8).toUpperCase(),
        HexFormat.of().formatHex(random),
        basedir);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public synchronized void start() throws Exception {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new AssertionError("s3proxy jar not found (system property s3proxy.jar): " + jar);
    }
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + identity,
            "s3proxy.credential=" + credential,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + basedir,
            ""));
    Path log = dir.resolve("s3proxy-" + (++starts) + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx192m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar,
                    "--properties",
                    properties.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new AssertionError("s3proxy exited:\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("s3proxy not listening in 60 s:\n" + Files.readString(log));
  }

  /** Stops the server at once (kill -9: the store vanishes mid-request). */
  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Every object of a bucket: key to its file in the backend. */
  public Map<String, Path> objects(String bucket) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    Path root = basedir.resolve(bucket);
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString().replace('\\', '/'), f);
      }
    }
    return out;
  }

  /** What the server logged, for finding a secret in it. */
  public String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      Path log = dir.resolve("s3proxy-" + i + ".log");
      if (Files.exists(log)) {
        b.append(Files.readString(log));
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
