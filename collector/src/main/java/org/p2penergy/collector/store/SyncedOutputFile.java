package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} on a local path whose stream fsyncs the file when closed, so a
 * rename after close publishes bytes that are on disk. Writes go through {@link IoFaults}.
 */
final class SyncedOutputFile implements OutputFile {
  private final Path path;
  private final IoFaults faults;

  SyncedOutputFile(Path path, IoFaults faults) {
    this.path = path;
    this.faults = faults;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return createOrOverwrite(blockSizeHint);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    faults.beforeWrite(path);
    FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    return new Stream(channel);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return path.toString();
  }

  private final class Stream extends PositionOutputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
    private long position;
    private boolean closed;

    Stream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buffer.hasRemaining()) drain();
      buffer.put((byte) b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (!buffer.hasRemaining()) drain();
        int n = Math.min(len, buffer.remaining());
        buffer.put(b, off, n);
        off += n;
        len -= n;
        position += n;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
    }

    private void drain() throws IOException {
      buffer.flip();
      if (buffer.hasRemaining()) faults.beforeWrite(path);
      while (buffer.hasRemaining()) channel.write(buffer);
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      if (closed) return;
      closed = true;
      try (channel) {
        drain();
        channel.force(true);
      }
    }
  }
}
