package org.p2penergy.home.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way files are replaced here: write a hidden temp file beside the target ({@code
 * .NAME.tmp}, which readers and globs skip), fsync it, rename it over the target in one step and
 * fsync the directory. A reader sees the old file or the new one, never half of one; a crash leaves
 * at most the temp file. Only a regular file or a new path is replaced: a FIFO, a device or a
 * symbolic link in the target's place is refused, not clobbered.
 */
public final class AtomicFiles {
  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * @throws IOException naming the path when it cannot be written or is not a regular file
   */
  public static void write(Path target, Content content) throws IOException {
    checkReplaceable(target);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames {@code from} over {@code to} in one step, then makes the rename durable. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(to.toAbsolutePath().getParent());
  }

  /** Makes a create, rename or delete in this directory durable (POSIX: fsync the directory). */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Refuses a target that exists and is anything but a regular file (not following links). */
  public static void checkReplaceable(Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      String what =
          Files.isSymbolicLink(target)
              ? "a symbolic link"
              : Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                  ? "a directory"
                  : "not a regular file (a FIFO, socket or device)";
      throw new FileSystemException(
          target.toString(), null, "is " + what + "; only a regular file or a new path is written");
    }
  }
}
