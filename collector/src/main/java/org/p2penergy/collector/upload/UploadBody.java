package org.p2penergy.collector.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes of one object: the first {@code length} bytes of each part, one after the other (one
 * part for a Parquet file; a side file may have two). The MD5 is taken once, before the upload: the
 * store checks the bytes it receives against it (Content-MD5) and answers with it (ETag), so a file
 * that changed in between is refused, never stored half old and half new.
 */
public final class UploadBody {
  /** The first {@code length} bytes of {@code file}. */
  public record Part(Path file, long length) {}

  private static final int BUFFER = 64 * 1024;

  private final List<Part> parts;
  private final long length;
  private final byte[] md5;

  private UploadBody(List<Part> parts, long length, byte[] md5) {
    this.parts = parts;
    this.length = length;
    this.md5 = md5;
  }

  /**
   * Reads the parts once to take their MD5.
   *
   * @throws IOException if a part cannot be read or is shorter than its length
   */
  public static UploadBody of(List<Part> parts) throws IOException {
    MessageDigest digest = md5Digest();
    long total = 0;
    byte[] buffer = new byte[BUFFER];
    for (Part p : parts) {
      try (InputStream in = open(p)) {
        long n = 0;
        for (int r; (r = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, r);
          n += r;
        }
        if (n != p.length()) {
          throw new IOException(p.file() + " is shorter than " + p.length() + " bytes");
        }
      }
      total += p.length();
    }
    return new UploadBody(List.copyOf(parts), total, digest.digest());
  }

  public long length() {
    return length;
  }

  /** The MD5 as S3's Content-MD5 header wants it (base64). */
  public String md5Base64() {
    return Base64.getEncoder().encodeToString(md5);
  }

  /** The MD5 as lower-case hex: a single-part upload's ETag. */
  public String md5Hex() {
    return HexFormat.of().formatHex(md5);
  }

  /** A fresh stream of the whole body (the HTTP client may ask more than once). */
  public InputStream open() throws IOException {
    List<InputStream> streams = new ArrayList<>();
    try {
      for (Part p : parts) {
        streams.add(open(p));
      }
    } catch (IOException e) {
      for (InputStream s : streams) {
        s.close();
      }
      throw e;
    }
    return new SequenceInputStream(Collections.enumeration(streams));
  }

  private static InputStream open(Part p) throws IOException {
    return new Bounded(Files.newInputStream(p.file()), p.length());
  }

  private static MessageDigest md5Digest() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }

  /** At most {@code remaining} bytes of a stream: a side file may grow while it is sent. */
  private static final class Bounded extends FilterInputStream {
    private long remaining;

    Bounded(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(Math.min(n, remaining));
      remaining -= s;
      return s;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
