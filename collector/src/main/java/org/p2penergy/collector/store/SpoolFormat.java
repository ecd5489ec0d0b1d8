package org.p2penergy.collector.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The spool's on-disk format. A segment starts with {@link #MAGIC}; then records, each {@code int
 * length, int crc32c(payload), payload}; the payload is {@code short len + UTF-8 device id, short
 * len + UTF-8 event, long ts micros, long received_at micros, double value}, big-endian. A record
 * is trusted only if its length is sane and its checksum matches; reading stops at the first one
 * that is not (a torn tail after a crash, or corruption).
 */
final class SpoolFormat {
  static final byte[] MAGIC = "P2PSPL01".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = 8;
  static final int MAX_TEXT_BYTES = 1024;
  static final int MAX_PAYLOAD = 2 + MAX_TEXT_BYTES + 2 + MAX_TEXT_BYTES + 24;

  private SpoolFormat() {}

  /** Bytes the record takes in the segment, header included. */
  static int encodedSize(byte[] device, byte[] event) {
    return HEADER + 2 + device.length + 2 + event.length + 24;
  }

  /**
   * @throws IllegalArgumentException if the device id or event is too long for the spool
   */
  static byte[] text(String s, String what) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > MAX_TEXT_BYTES)
      throw new IllegalArgumentException(what + " longer than " + MAX_TEXT_BYTES + " bytes");
    return b;
  }

  /**
   * Writes one record at the buffer's position; the caller checked there is room. Everything that
   * can fail is computed first, so a failure never leaves half a record in the buffer.
   *
   * @throws IllegalArgumentException if a time is out of the microsecond range
   */
  static void put(ByteBuffer buf, byte[] device, byte[] event, Reading r) {
    long ts = micros(r.ts(), "ts");
    long receivedAt = micros(r.receivedAt(), "received_at");
    int start = buf.position();
    int payload = 2 + device.length + 2 + event.length + 24;
    buf.putInt(payload).putInt(0);
    buf.putShort((short) device.length).put(device);
    buf.putShort((short) event.length).put(event);
    buf.putLong(ts);
    buf.putLong(receivedAt);
    buf.putDouble(r.value());
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), buf.arrayOffset() + start + HEADER, payload);
    buf.putInt(start + 4, (int) crc.getValue());
  }

  private static long micros(java.time.Instant t, String what) {
    try {
      return ReadingsSchema.micros(t);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " out of range: " + t);
    }
  }

  /**
   * The length of the valid record at {@code offset}, header included, or -1 if the bytes there are
   * not a whole record with a matching checksum.
   */
  static int check(ByteBuffer seg, int offset, int end) {
    if (end - offset < HEADER) return -1;
    int payload = seg.getInt(offset);
    if (payload < 2 + 2 + 24 || payload > MAX_PAYLOAD || payload > end - offset - HEADER) return -1;
    CRC32C crc = new CRC32C();
    crc.update(seg.slice(offset + HEADER, payload));
    return (int) crc.getValue() == seg.getInt(offset + 4) ? HEADER + payload : -1;
  }

  /** Decodes the record at a checked offset. */
  static Reading decode(ByteBuffer seg, int offset) {
    int p = offset + HEADER;
    int dl = seg.getShort(p);
    String device = utf8(seg, p + 2, dl);
    p += 2 + dl;
    int el = seg.getShort(p);
    String event = utf8(seg, p + 2, el);
    p += 2 + el;
    return new Reading(
        device,
        event,
        ReadingsSchema.instant(seg.getLong(p)),
        ReadingsSchema.instant(seg.getLong(p + 8)),
        seg.getDouble(p + 16));
  }

  /** The ts (micros) of the record at a checked offset, without decoding its strings. */
  static long tsMicros(ByteBuffer seg, int offset) {
    int p = offset + HEADER;
    p += 2 + seg.getShort(p);
    p += 2 + seg.getShort(p);
    return seg.getLong(p);
  }

  /** The device id of the record at a checked offset. */
  static String device(ByteBuffer seg, int offset) {
    int p = offset + HEADER;
    return utf8(seg, p + 2, seg.getShort(p));
  }

  /** True if the device id of the record at a checked offset is exactly {@code device} (UTF-8). */
  static boolean deviceEquals(ByteBuffer seg, int offset, byte[] device) {
    int p = offset + HEADER;
    int len = seg.getShort(p);
    if (len != device.length) return false;
    p += 2;
    for (int i = 0; i < len; i++) {
      if (seg.get(p + i) != device[i]) return false;
    }
    return true;
  }

  private static String utf8(ByteBuffer seg, int at, int len) {
    byte[] b = new byte[len];
    seg.get(at, b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
