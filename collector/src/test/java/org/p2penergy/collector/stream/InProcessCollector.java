package org.p2penergy.collector.stream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.p2penergy.home.config.CollectorSettings;

/** A {@link Collector} on a thread of the test JVM, with its output captured. */
final class InProcessCollector implements AutoCloseable {
  final Collector collector;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Thread thread;
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  final AtomicReference<Integer> exitCode = new AtomicReference<>();

  InProcessCollector(
      Path data, URI stream, String token, Duration readTimeout, Collector.Sinks sinks) {
    this(settings(data, stream, readTimeout), token, out -> sinks);
  }

  /** With sinks that need the collector's output stream (the durable store's listener). */
  InProcessCollector(CollectSettings settings, String token, SinkFactory sinks) {
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Collector.Sinks opened;
    try {
      opened = sinks.open(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    collector = new Collector(settings, token, opened, Clock.systemUTC(), out);
    thread =
        new Thread(
            () -> {
              try {
                exitCode.set(collector.run());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "collector-under-test");
    thread.start();
  }

  interface SinkFactory {
    Collector.Sinks open(PrintStream out) throws java.io.IOException;
  }

  static CollectSettings settings(Path data, URI stream, Duration readTimeout) {
    return new CollectSettings(
        data,
        stream,
        new CollectorSettings(Duration.ofMillis(200), Duration.ofHours(1), 1_000_000, readTimeout),
        Duration.ofSeconds(1),
        false,
        "env:TEST_TOKEN",
        java.util.List.of("home"),
        org.p2penergy.home.config.DeviceHomes.single("home"));
  }

  String output() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Polls until the condition holds; fails with the collector's output after a generous limit. */
  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline || !thread.isAlive()) {
        throw new AssertionError(
            "gave up waiting for: " + what + "\n--- collector output ---\n" + output(),
            failure.get());
      }
      Thread.sleep(50);
    }
  }

  @Override
  public void close() throws InterruptedException {
    collector.stop();
    thread.join(20_000);
  }
}
