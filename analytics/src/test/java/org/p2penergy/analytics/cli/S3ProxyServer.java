package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API on loopback for the tests: s3proxy (Maven Central, jar-with-dependencies) as a
 * child JVM with the filesystem backend and SigV4 authentication, a fresh key pair each time.
 * Buckets are folders of {@code basedir}.
 */
final class S3ProxyServer implements AutoCloseable {
  final int port;
  final String identity;
  final String credential;
  final Path basedir;
  private final Process process;
  private final Path log;

  private S3ProxyServer(
      int port, String identity, String credential, Path basedir, Process p, Path log) {
    this.port = port;
    this.identity = identity;
    this.credential = credential;
    this.basedir = basedir;
    this.process = p;
    this.log = log;
  }

  static S3ProxyServer start(Path dir, String... buckets) throws Exception {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new AssertionError("s3proxy jar not found (system property s3proxy.jar): " + jar);
    }
    Path basedir = Files.createDirectories(dir.resolve("s3"));
    for (String b : buckets) {
      Files.createDirectories(basedir.resolve(b));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    byte[] random = new byte[20];
    new SecureRandom().nextBytes(random);
    String identity = "AKIA" + HexFormat.of().formatHex(random, 0, 8).toUpperCase();
    String credential = HexFormat.of().formatHex(random);
    Path properties = dir.resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + identity,
            "s3proxy.credential=" + credential,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + basedir,
            ""));
    Path log = dir.resolve("s3proxy.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(java, "-Xmx256m", "-jar", jar, "--properties", properties.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3ProxyServer server = new S3ProxyServer(port, identity, credential, basedir, p, log);
    server.awaitPort();
    return server;
  }

  private void awaitPort() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new AssertionError("s3proxy exited:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("s3proxy not listening in 60 s:\n" + Files.readString(log));
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
