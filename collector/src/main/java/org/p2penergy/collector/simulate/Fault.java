package org.p2penergy.collector.simulate;

import java.time.Duration;
import java.util.Locale;
import org.p2penergy.home.config.Durations;

/**
 * A fault the simulated cloud injects, on a schedule in real (wall-clock) time counted from the
 * first request the simulator receives: first {@code at}, then every {@code every} (if set), {@code
 * times} times in all. Stream faults hit the streams open at that moment.
 *
 * <p>Written as {@code KIND@AT[,every=D][,times=N][,for=D][,size=N][,retry-after=D]}, for example
 * {@code drop@30s,every=60s}, {@code stall@10s,for=45s}, {@code 429@5s,for=20s,retry-after=3s},
 * {@code oversized@2s,size=100000}. Durations as in the config file: 500ms, 5s, 2m, 1h.
 *
 * @param length how long a stall or an HTTP-error window lasts
 * @param size bytes of the {@code data} text of an oversized event
 * @param retryAfter the {@code Retry-After} of a 429 or 503 answer
 */
public record Fault(
    Kind kind,
    Duration at,
    Duration every,
    int times,
    Duration length,
    int size,
    Duration retryAfter) {

  public static final Duration DEFAULT_STALL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_HTTP_WINDOW = Duration.ofSeconds(10);
  public static final int DEFAULT_OVERSIZED_BYTES = 100_000;

  /** What goes wrong. */
  public enum Kind {
    /** Every open event stream is cut without the end of the chunked body, as a network drop. */
    DROP("drop"),
    /** Every open event stream goes silent, not even keep-alives, for {@code for}. */
    STALL("stall"),
    /** Requests during the window get 500 Internal Server Error. */
    HTTP_500("500"),
    /** Requests during the window get 503 Service Unavailable with Retry-After. */
    HTTP_503("503"),
    /** Requests during the window get 429 Too Many Requests with Retry-After. */
    HTTP_429("429"),
    /** Every open event stream gets an event whose data line is cut-off JSON. */
    MALFORMED("malformed"),
    /** Every open event stream gets an event with a {@code data} of {@code size} bytes. */
    OVERSIZED("oversized");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public boolean isHttpStatus() {
      return this == HTTP_500 || this == HTTP_503 || this == HTTP_429;
    }

    public int status() {
      return isHttpStatus() ? Integer.parseInt(word) : 200;
    }

    static Kind fromWord(String word) {
      for (Kind kind : values()) {
        if (kind.word.equals(word)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "unknown fault '"
              + word
              + "', expected drop, stall, 500, 503, 429, malformed or oversized");
    }
  }

  public Fault {
    if (every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("fault " + kind.word + ": every must be positive");
    }
    if (times < 1) {
      throw new IllegalArgumentException("fault " + kind.word + ": times must be at least 1");
    }
  }

  /** A fault once at {@code at}, with the defaults of its kind. */
  public static Fault of(Kind kind, Duration at) {
    Duration length =
        switch (kind) {
          case STALL -> DEFAULT_STALL;
          case HTTP_500, HTTP_503, HTTP_429 -> DEFAULT_HTTP_WINDOW;
          default -> Duration.ZERO;
        };
    return new Fault(kind, at, null, 1, length, DEFAULT_OVERSIZED_BYTES, null);
  }

  /** Repeats every {@code period}, without end unless {@link #times(int)} says otherwise. */
  public Fault every(Duration period) {
    return new Fault(kind, at, period, Integer.MAX_VALUE, length, size, retryAfter);
  }

  public Fault times(int count) {
    return new Fault(kind, at, every, count, length, size, retryAfter);
  }

  public Fault lasting(Duration newLength) {
    return new Fault(kind, at, every, times, newLength, size, retryAfter);
  }

  public Fault size(int bytes) {
    return new Fault(kind, at, every, times, length, bytes, retryAfter);
  }

  public Fault retryAfter(Duration delay) {
    return new Fault(kind, at, every, times, length, size, delay);
  }

  /** Retry-After in whole seconds: as given, else the length of the error window, at least 1. */
  public long retryAfterSeconds() {
    Duration d = retryAfter != null ? retryAfter : length;
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  /**
   * Parses {@code KIND@AT[,key=value...]}.
   *
   * @throws IllegalArgumentException with a one-line message naming the problem
   */
  public static Fault parse(String spec) {
    String[] parts = spec.strip().split(",");
    String head = parts[0].strip().toLowerCase(Locale.ROOT);
    int atSign = head.indexOf('@');
    Kind kind = Kind.fromWord(atSign < 0 ? head : head.substring(0, atSign));
    Fault fault =
        of(kind, atSign < 0 ? Duration.ZERO : Durations.parse(head.substring(atSign + 1)));
    Integer times = null;
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].strip().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "fault '" + spec + "': expected key=value, got '" + parts[i] + "'");
      }
      String value = kv[1].strip();
      switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
        case "every" -> fault = fault.every(Durations.parse(value));
        case "times" -> times = positiveInt(spec, "times", value);
        case "for" -> fault = fault.lasting(Durations.parse(value));
        case "size" -> fault = fault.size(positiveInt(spec, "size", value));
        case "retry-after" -> fault = fault.retryAfter(Durations.parse(value));
        default ->
            throw new IllegalArgumentException(
                "fault '"
                    + spec
                    + "': unknown key '"
                    + kv[0].strip()
                    + "' (every, times, for, size, retry-after)");
      }
    }
    return times == null ? fault : fault.times(times);
  }

  private static int positiveInt(String spec, String key, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "fault '" + spec + "': " + key + " must be a positive whole number, got '" + value + "'");
  }

  /** The real time (ns after the start) of occurrence {@code k}. */
  long occurrenceNanos(long k) {
    long first = at.toNanos();
    return every == null ? first : first + k * every.toNanos();
  }

  /** How many occurrences fall in (fromNanos, toNanos], times after the simulator started. */
  int occurrencesIn(long fromNanos, long toNanos) {
    int count = 0;
    for (long k = firstAfter(fromNanos); k < times && occurrenceNanos(k) <= toNanos; k++) {
      count++;
    }
    return count;
  }

  /** The first occurrence index whose time is after {@code nanos}. */
  long firstAfter(long nanos) {
    long first = at.toNanos();
    if (nanos < first) {
      return 0;
    }
    if (every == null) {
      return 1;
    }
    return (nanos - first) / every.toNanos() + 1;
  }

  /**
   * Whether {@code nanos} falls in the window [occurrence, occurrence + length) of one occurrence.
   */
  boolean windowCovers(long nanos) {
    long first = at.toNanos();
    if (nanos < first) {
      return false;
    }
    long last = every == null ? 0 : (nanos - first) / every.toNanos();
    long lowest =
        every == null ? 0 : Math.max(0, (nanos - first - length.toNanos()) / every.toNanos());
    for (long j = lowest; j <= last && j < times; j++) {
      long start = occurrenceNanos(j);
      if (nanos >= start && nanos < start + length.toNanos()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(kind.word).append('@').append(Durations.format(at));
    if (every != null) out.append(",every=").append(Durations.format(every));
    if (times != Integer.MAX_VALUE && !(every == null && times == 1))
      out.append(",times=").append(times);
    if (!length.isZero()) out.append(",for=").append(Durations.format(length));
    if (kind == Kind.OVERSIZED) out.append(",size=").append(size);
    if (retryAfter != null) out.append(",retry-after=").append(Durations.format(retryAfter));
    return out.toString();
  }
}
