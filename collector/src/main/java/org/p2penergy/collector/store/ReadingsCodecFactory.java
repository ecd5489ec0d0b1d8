package org.p2penergy.collector.store;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Page compression without Hadoop. parquet-java's own factory loads Hadoop codec classes even for
 * UNCOMPRESSED (apache/parquet-java#2938), so the writer and reader get this one: ZSTD through
 * zstd-jni (ARM natives inside the jar), GZIP through java.util.zip, and UNCOMPRESSED.
 */
public final class ReadingsCodecFactory implements CompressionCodecFactory {
  private final int zstdLevel;

  public ReadingsCodecFactory(int zstdLevel) {
    this.zstdLevel = zstdLevel;
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new BytesInputCompressor() {
      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        byte[] in = bytes.toByteArray();
        return BytesInput.from(
            switch (codec) {
              case UNCOMPRESSED -> in;
              case ZSTD -> Zstd.compress(in, zstdLevel);
              case GZIP -> gzip(in);
              default -> throw unsupported(codec);
            });
      }

      @Override
      public CompressionCodecName getCodecName() {
        return codec;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        return BytesInput.from(decompressBytes(codec, bytes.toByteArray(), uncompressedSize));
      }

      @Override
      public void decompress(
          ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
          throws IOException {
        byte[] in = new byte[compressedSize];
        input.get(in);
        output.put(decompressBytes(codec, in, uncompressedSize));
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void release() {}

  private static byte[] decompressBytes(CompressionCodecName codec, byte[] in, int size)
      throws IOException {
    return switch (codec) {
      case UNCOMPRESSED -> in;
      case ZSTD -> Zstd.decompress(in, size);
      case GZIP -> gunzip(in, size);
      default -> throw unsupported(codec);
    };
  }

  private static byte[] gzip(byte[] in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(in);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] in, int size) throws IOException {
    try (InputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
      byte[] out = z.readNBytes(size);
      if (out.length != size) throw new IOException("GZIP page shorter than its header says");
      return out;
    }
  }

  private static IOException unsupported(CompressionCodecName codec) {
    return new IOException(
        "compression " + codec + " is not supported here (ZSTD, GZIP, UNCOMPRESSED are)");
  }
}
