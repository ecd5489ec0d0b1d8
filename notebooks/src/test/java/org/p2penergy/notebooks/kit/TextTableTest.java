package org.p2penergy.notebooks.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsTextLeftAndNumbersRight() {
    String table =
        TextTable.format(
            List.of("appliance", "kwh"), List.of(List.of("Fridge", 1.5721), List.of("Pi", 0.02)));
    assertThat(table)
        .isEqualTo(
            """
            appliance  kwh
            ---------  -----
            Fridge     1.572
            Pi         0.020
            """);
  }
}
