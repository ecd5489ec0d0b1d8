package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system for disk-full tests: a tmpfs of a few MiB mounted on a directory (as
 * root, which CI is), filled to the last byte by a filler file and freed by deleting it. Where
 * mounting is refused (not root, no tmpfs) {@link #mount} returns null and the test falls back to
 * the store's {@link IoFaults} seam.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;
  private final Path filler;

  private SmallDisk(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve(".filler");
  }

  /**
   * Mounts a tmpfs of {@code mib} MiB on {@code dir} (created), or returns null if refused (or if
   * {@code -Dp2penergy.noMount=true} asks for the fallback, to run it as root too). With {@code
   * P2PENERGY_REQUIRE_TMPFS=1} in the environment (CI as root) a refusal fails the test instead.
   */
  public static SmallDisk mount(Path dir, int mib) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    if (Boolean.getBoolean("p2penergy.noMount")) return null;
    String refused =
        run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", dir.toString());
    if (refused == null) return new SmallDisk(dir);
    if ("1".equals(System.getenv("P2PENERGY_REQUIRE_TMPFS"))) {
      throw new AssertionError("P2PENERGY_REQUIRE_TMPFS=1 but mounting a tmpfs failed: " + refused);
    }
    return null;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Writes the filler until the file system says it is full, in blocks and then the last bytes one
   * by one, so that not even a partial block is left; returns the bytes written.
   */
  public long fill() throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            filler,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      return writeUntilFull(ch, 4096) + writeUntilFull(ch, 1);
    }
  }

  private static long writeUntilFull(FileChannel ch, int size) throws IOException {
    long n = 0;
    ByteBuffer block = ByteBuffer.allocate(size);
    while (true) {
      block.clear();
      try {
        n += ch.write(block);
      } catch (IOException e) {
        if (String.valueOf(e.getMessage()).contains("No space left on device")) return n;
        throw e;
      }
    }
  }

  /** Deletes the filler: the space is back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  /** Bytes still free. */
  public long usable() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    free();
    // Lazy: a file a child process still holds open must not keep the mount (and the test) alive.
    run("umount", "-l", dir.toString());
  }

  /** Null when the command worked, else what it said. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage(); // no such command at all
    }
    String output = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", command) + ": no answer in 30 s";
    }
    return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
  }
}
