package org.p2penergy.collector.importer;

import java.math.BigDecimal;

/** Number parsing shared by the trace columns: a leading {@code +} (AMPds2's mark) is accepted. */
final class Numbers {
  private Numbers() {}

  /**
   * @throws NumberFormatException with a message that quotes the text
   */
  static BigDecimal decimal(String text) {
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
