package org.p2penergy.home.cli;

import java.time.Duration;
import org.p2penergy.home.config.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration option written like the config's ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h},
 * {@code 1d}); {@code 0} is zero. Commands check the range they need.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    if (value.strip().equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
