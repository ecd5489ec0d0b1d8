package org.p2penergy.collector.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The lines of a trace, one at a time, each decoded on its own: a byte that is not UTF-8 spoils
 * only its line (reported with the offending byte in hex, the text kept with replacement
 * characters), and a line longer than {@link #MAX_LINE_BYTES} is reported without being held in
 * memory. LF and CRLF line ends both work.
 */
abstract class CsvLines {
  /** The longest line read: a trace line is under 200 bytes; beyond is junk, not data. */
  static final int MAX_LINE_BYTES = 4096;

  /** One line: its 1-based number and text, or what is wrong with it ({@code problem}). */
  record Line(long number, String text, String problem) {}

  private long number;

  /** The next line, or null at the end. */
  final Line next() throws IOException {
    Line l = read(++number);
    if (l == null) number--;
    return l;
  }

  abstract Line read(long number) throws IOException;

  /** Lines of a file's bytes, decoded strictly as UTF-8 line by line. */
  static CsvLines of(InputStream in) {
    return new Bytes(in);
  }

  /** Lines of text already decoded (tests, replays of in-memory text). */
  static CsvLines of(Reader in) {
    return new Chars(in);
  }

  private static final class Bytes extends CsvLines {
    private final InputStream in;
    private final CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private final byte[] line = new byte[MAX_LINE_BYTES];

    Bytes(InputStream in) {
      this.in = in;
    }

    @Override
    Line read(long number) throws IOException {
      long length = 0;
      boolean ended = false; // by a line feed, not by the end of the file
      while (!ended) {
        if (pos == limit) {
          limit = Math.max(0, in.read(chunk));
          pos = 0;
          if (limit == 0) break;
        }
        while (pos < limit) {
          byte b = chunk[pos++];
          if (b == '\n') {
            ended = true;
            break;
          }
          if (length < MAX_LINE_BYTES) line[(int) length] = b;
          length++;
        }
      }
      if (!ended && length == 0) return null;
      int end = (int) Math.min(length, MAX_LINE_BYTES);
      if (length > MAX_LINE_BYTES) {
        return new Line(
            number,
            new String(line, 0, end, StandardCharsets.UTF_8) + "...[" + length + " bytes in all]",
            "line too long: " + length + " bytes (at most " + MAX_LINE_BYTES + ")");
      }
      if (end > 0 && line[end - 1] == '\r') end--;
      ByteBuffer src = ByteBuffer.wrap(line, 0, end);
      CharBuffer dst = CharBuffer.allocate(end); // UTF-8 never gives more chars than bytes
      strict.reset();
      CoderResult r = strict.decode(src, dst, true);
      if (!r.isError()) r = strict.flush(dst);
      if (!r.isError()) return new Line(number, dst.flip().toString(), null);
      int at = src.position();
      return new Line(
          number,
          new String(line, 0, end, StandardCharsets.UTF_8),
          "not UTF-8 text: byte 0x"
              + HexFormat.of().withUpperCase().toHexDigits(line[at])
              + " at byte "
              + (at + 1)
              + " of the line (kept as \uFFFD)");
    }
  }

  private static final class Chars extends CsvLines {
    private final Reader in;
    private final StringBuilder line = new StringBuilder(256);

    Chars(Reader in) {
      this.in = in;
    }

    @Override
    Line read(long number) throws IOException {
      line.setLength(0);
      long length = 0;
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (length++ < MAX_LINE_BYTES) line.append((char) c);
      }
      if (c == -1 && length == 0) return null;
      if (length > MAX_LINE_BYTES) {
        return new Line(
            number,
            line + "...[" + length + " chars in all]",
            "line too long: " + length + " characters (at most " + MAX_LINE_BYTES + ")");
      }
      int end = line.length();
      if (end > 0 && line.charAt(end - 1) == '\r') end--;
      return new Line(number, line.substring(0, end), null);
    }
  }
}
