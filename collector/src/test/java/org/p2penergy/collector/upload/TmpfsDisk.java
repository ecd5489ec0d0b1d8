package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small file system for the disk-full test: a tmpfs of a few MiB (as root, which CI is),
 * filled to the last byte by a filler file and freed by deleting it. Where mounting is refused,
 * {@link #mount} returns null and the test acts the full disk out with the I/O seam instead.
 */
final class TmpfsDisk implements AutoCloseable {
  private final Path dir;
  private final Path filler;

  private TmpfsDisk(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve(".filler");
  }

  /** Mounts {@code mib} MiB on {@code dir}, or null (also with -Dp2penergy.noMount=true). */
  static TmpfsDisk mount(Path dir, int mib) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    if (Boolean.getBoolean("p2penergy.noMount")
        || !run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", dir.toString())) {
      return null;
    }
    return new TmpfsDisk(dir);
  }

  /** Writes the filler until the file system is full. */
  void fill() throws IOException {
    ByteBuffer block = ByteBuffer.allocate(4096);
    try (FileChannel ch =
        FileChannel.open(
            filler,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      while (true) {
        block.clear();
        try {
          ch.write(block);
        } catch (IOException e) {
          if (String.valueOf(e.getMessage()).contains("No space left on device")) {
            break;
          }
          throw e;
        }
      }
    }
    // The last partial block: fill it byte by byte.
    try (FileChannel ch =
        FileChannel.open(filler, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (true) {
        try {
          ch.write(ByteBuffer.allocate(1));
        } catch (IOException e) {
          return;
        }
      }
    }
  }

  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  long usable() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    free();
    run("umount", "-l", dir.toString());
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return false;
    }
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }
}
