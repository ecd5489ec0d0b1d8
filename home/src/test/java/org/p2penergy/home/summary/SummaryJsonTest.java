package org.p2penergy.home.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  private static final OffsetDateTime MIDNIGHT = OffsetDateTime.parse("2026-11-27T00:00-05:00");

  /** Every field set to a value unlike its neighbours, so a swapped key cannot round-trip. */
  static DaySummary full() {
    return new DaySummary(
        1,
        LocalDate.of(2026, 11, 27),
        OffsetDateTime.parse("2026-11-28T02:10:00Z"),
        new DaySummary.Home("elm-12", "Demo home", "America/New_York", "USD"),
        new DaySummary.Window(MIDNIGHT, MIDNIGHT.plusDays(1), 24),
        new DaySummary.Totals(3.42, 0.51, 0.48, 0.07, 0.98),
        List.of(
            new DaySummary.Appliance(
                "34003d000547363332363639",
                "Fridge",
                "fridge",
                1.2,
                0.18,
                834.5,
                50.25,
                14.5,
                0.35,
                0.05,
                30000.5,
                40000,
                0.99,
                2,
                31,
                7,
                3)),
        List.of(new DaySummary.Hourly(MIDNIGHT, 0, "34003d000547363332363639", 0.05, 0.0075)),
        List.of(
            new DaySummary.PowerCurve(
                "34003d000547363332363639", MIDNIGHT, 60, Arrays.asList(14.5, null, 154.2))),
        List.of(new DaySummary.StateTotal("34003d000547363332363639", "cooling", 21000.5, 0.9, 31)),
        List.of(
            new DaySummary.StateEpisode(
                "34003d000547363332363639",
                "cooling",
                MIDNIGHT.plusMinutes(12),
                MIDNIGHT.plusMinutes(31),
                "")),
        List.of(
            new DaySummary.Anomaly(
                "34003d000547363332363639",
                "Fridge",
                "door_left_open",
                MIDNIGHT.plusHours(18),
                MIDNIGHT.plusHours(19),
                "door open 7.5 min (threshold 2 min)")),
        List.of(
            new DaySummary.HistoryDay(
                LocalDate.of(2026, 10, 29), "34003d000547363332363639", "Fridge", 1.1, 0.17)),
        new DaySummary.DataQuality(
            0.97,
            List.of(
                new DaySummary.Outage(
                    OffsetDateTime.parse("2026-11-27T03:00Z"),
                    OffsetDateTime.parse("2026-11-27T03:04:10Z"),
                    "read timeout")),
            3,
            Map.of("bad JSON", 2L, "missing coreid", 1L),
            4,
            List.of(new DaySummary.UnreadableFile("readings/x.parquet", "too short")),
            5),
        List.of(
            new DaySummary.Peer(
                "34003d000547363332363639",
                "Fridge",
                "fridge",
                "kwh",
                "day",
                1.2,
                37,
                29,
                0.9,
                1.15,
                1.25,
                64.5)),
        Optional.of(new DaySummary.Community("Elm Street energy group", 5, 0.95)));
  }

  @Test
  void roundTripKeepsEveryField() {
    DaySummary s = full();
    assertThat(SummaryJson.read(SummaryJson.write(s))).isEqualTo(s);
  }

  @Test
  void writesTheContractsKeyNames() throws Exception {
    var root = new ObjectMapper().readTree(SummaryJson.write(full()));
    assertThat(root.path("appliances").get(0).path("on_seconds").asDouble()).isEqualTo(30000.5);
    assertThat(root.path("power_curve").get(0).path("mean_w").get(1).isNull()).isTrue();
    assertThat(root.path("data_quality").path("unreadable_files").get(0).asText())
        .isEqualTo("readings/x.parquet");
    assertThat(root.path("peers").get(0).path("rank_pct").asDouble()).isEqualTo(64.5);
  }

  @Nested
  class Refuses {
    private ObjectNode json() throws Exception {
      return (ObjectNode) new ObjectMapper().readTree(SummaryJson.write(full()));
    }

    @Test
    void aMissingRequiredFieldByItsPath() throws Exception {
      ObjectNode root = json();
      root.remove("totals");
      assertThatThrownBy(() -> SummaryJson.read(root.toString()))
          .isInstanceOf(SummaryFormatException.class)
          .hasMessage("totals: missing");
      ObjectNode other = json();
      ((ObjectNode) other.path("appliances").get(0)).remove("kwh");
      assertThatThrownBy(() -> SummaryJson.read(other.toString()))
          .hasMessage("appliances[0].kwh: missing");
    }

    @Test
    void aNumberWrittenAsText() throws Exception {
      ObjectNode root = json();
      ((ObjectNode) root.path("totals")).put("kwh", "3.42");
      assertThatThrownBy(() -> SummaryJson.read(root.toString()))
          .hasMessageStartingWith("totals.kwh: expected a number");
    }

    @Test
    void aNewerSchema() throws Exception {
      ObjectNode root = json();
      root.put("schema_version", 2);
      assertThatThrownBy(() -> SummaryJson.read(root.toString()))
          .hasMessageContaining("schema_version 2 is newer");
    }

    @Test
    void brokenJsonInOneLine() {
      assertThatThrownBy(() -> SummaryJson.read("{\"date\": \"2026-11-27\", \"totals\": {"))
          .isInstanceOf(SummaryFormatException.class)
          .hasMessageStartingWith("not JSON")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void fieldsAddedAfterTheFirstSchemaMayBeAbsent() throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(SummaryJson.write(full()));
    ((ObjectNode) root.path("home")).remove("id");
    ((ObjectNode) root.path("appliances").get(0)).remove("duplicates");
    ((ObjectNode) root.path("appliances").get(0)).remove("out_of_range");
    ((ObjectNode) root.path("data_quality")).remove("unreadable_reasons");
    root.remove("peers");
    root.remove("community");
    DaySummary s = SummaryJson.read(root.toString());
    assertThat(s.home().id()).isEmpty();
    assertThat(s.appliances().get(0).duplicates()).isZero();
    assertThat(s.dataQuality().unreadableFiles()).containsExactly("readings/x.parquet");
    assertThat(s.peers()).isEmpty();
    assertThat(s.community()).isEmpty();
  }
}
