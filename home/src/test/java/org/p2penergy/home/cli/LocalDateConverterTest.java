package org.p2penergy.home.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class LocalDateConverterTest {
  private final LocalDateConverter converter = new LocalDateConverter();

  @Test
  void readsAnIsoDate() {
    assertThat(converter.convert("2026-11-27")).isEqualTo(LocalDate.of(2026, 11, 27));
  }

  @Test
  void saysWhatADateLooksLike() {
    assertThatThrownBy(() -> converter.convert("27/11/2026"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'27/11/2026' is not a date like 2026-11-27");
  }
}
