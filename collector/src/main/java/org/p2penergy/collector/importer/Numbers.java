package org.p2penergy.collector.importer;

import java.math.BigDecimal;

/** Number parsing shared by the trace columns: a leading {@code +} (AMPds2's mark) is accepted. */
final class Numbers {
  /**
   * The longest number read: a value or a Unix time needs a few dozen characters. A longer text is
   * refused before {@link BigDecimal} sees it (its cost grows with the square of the length: a 2 MB
   * field took 81 s).
   */
  static final int MAX_NUMBER_CHARS = 64;

  private Numbers() {}

  /**
   * @throws NumberFormatException with a message that quotes the text (or its start if too long)
   */
  static BigDecimal decimal(String text) {
    if (text.length() > MAX_NUMBER_CHARS) {
      throw new NumberFormatException(
          "'"
              + text.substring(0, 16)
              + "...' is "
              + text.length()
              + " characters long, too long for a number (at most "
              + MAX_NUMBER_CHARS
              + ")");
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new NumberFormatException("'" + text + "' is not a number");
    }
  }

  /**
   * A finite double; {@code NaN}, {@code Infinity} and hex floats are refused.
   *
   * @throws NumberFormatException with a message that quotes the text
   */
  static double finite(String text) {
    double d = decimal(text).doubleValue();
    if (!Double.isFinite(d)) throw new NumberFormatException("'" + text + "' is out of range");
    return d;
  }
}
