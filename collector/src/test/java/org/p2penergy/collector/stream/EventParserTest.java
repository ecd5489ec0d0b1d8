package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.stream.ParsedEvent.Accepted;
import org.p2penergy.collector.stream.ParsedEvent.Ignored;
import org.p2penergy.collector.stream.ParsedEvent.IgnoredKind;
import org.p2penergy.collector.stream.ParsedEvent.Rejected;

class EventParserTest {
  private static final Instant NOW = Instant.parse("2026-11-27T18:07:13Z");
  private static final String FRIDGE = "34003d000547363332363639";
  private static final String TS = "2026-11-27T18:07:12.555Z";
  private final EventParser parser = new EventParser();

  /** A well-formed envelope with {@code dataJson} as the JSON value of "data". */
  private static String env(String dataJson) {
    return "{\"data\":"
        + dataJson
        + ",\"ttl\":60,\"published_at\":\""
        + TS
        + "\",\"coreid\":\""
        + FRIDGE
        + "\"}";
  }

  @Nested
  class Accepts {
    @Test
    void decimalStringWithStringTtl_verbatimCapture() {
      // From a real 2016 capture (ttl as a string), with this project's device id.
      String raw =
          "{\"data\":\"160.2\",\"ttl\":\"60\",\"published_at\":\"2016-03-04T18:17:39.529Z\","
              + "\"coreid\":\"1f0036000847343432313031\"}";
      ParsedEvent p = parser.parse("power", raw, NOW);
      assertThat(p)
          .isEqualTo(
              new Accepted(
                  "1f0036000847343432313031",
                  "power",
                  Instant.parse("2016-03-04T18:17:39.529Z"),
                  java.util.List.of(
                      new Reading(
                          "1f0036000847343432313031",
                          "power",
                          Instant.parse("2016-03-04T18:17:39.529Z"),
                          NOW,
                          160.2))));
    }

    @Test
    void bareNumberAndNumericTtl() {
      Accepted a = (Accepted) parser.parse("rms_current", env("6.5"), NOW);
      assertThat(a.readings()).singleElement().extracting(Reading::value).isEqualTo(6.5);
      assertThat(a.readings().get(0).ts()).isEqualTo(Instant.parse(TS));
      assertThat(a.readings().get(0).receivedAt()).isEqualTo(NOW);
    }

    @Test
    void productStreamExtraFields() {
      String raw =
          "{\"data\":\"840\",\"ttl\":60,\"published_at\":\""
              + TS
              + "\",\"coreid\":\""
              + FRIDGE
              + "\",\"userid\":\"5d447a8c6c0ad300017dd72e\",\"version\":91,\"public\":false,"
              + "\"productID\":13961}";
      Accepted a = (Accepted) parser.parse("power", raw, NOW);
      assertThat(a.readings()).extracting(Reading::value).containsExactly(840.0);
    }

    @Test
    void jsonObjectAsTextGivesOneReadingPerNumericField() {
      String data =
          "\"{\\\"power\\\":120.5,\\\"current\\\":1,\\\"unit\\\":\\\"W\\\",\\\"ok\\\":true}\"";
      Accepted a = (Accepted) parser.parse("meter", env(data), NOW);
      assertThat(a.readings())
          .extracting(Reading::event, Reading::value)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("meter.power", 120.5),
              org.assertj.core.groups.Tuple.tuple("meter.current", 1.0));
    }

    @Test
    void negativeSignedAndExponentDecimals() {
      assertThat(value("\"-3.25\"")).isEqualTo(-3.25);
      assertThat(value("\"+12\"")).isEqualTo(12.0);
      assertThat(value("\"1.5e3\"")).isEqualTo(1500.0);
      assertThat(value("\" 42 \"")).isEqualTo(42.0);
      assertThat(value("\".5\"")).isEqualTo(0.5);
    }

    @Test
    void upperCaseCoreidIsNormalised() {
      Accepted a =
          (Accepted)
              parser.parse(
                  "power",
                  "{\"data\":\"1\",\"published_at\":\""
                      + TS
                      + "\",\"coreid\":\"34003D000547363332363639\"}",
                  NOW);
      assertThat(a.deviceId()).isEqualTo(FRIDGE);
    }

    @Test
    void offsetTimestampIsConvertedToUtc() {
      String raw =
          "{\"data\":\"1\",\"published_at\":\"2026-11-27T13:07:12.555-05:00\",\"coreid\":\""
              + FRIDGE
              + "\"}";
      assertThat(((Accepted) parser.parse("power", raw, NOW)).publishedAt())
          .isEqualTo(Instant.parse(TS));
    }

    private double value(String dataJson) {
      return ((Accepted) parser.parse("power", env(dataJson), NOW)).readings().get(0).value();
    }

    @Test
    void theEdgeOfThePhysicalRangeIsAReadingAndTheIssuesValuesAreNot() {
      // Issue 13 point 3: the same four values for every way in (see the importers' tests).
      assertThat(value("\"1e6\"")).isEqualTo(1_000_000.0);
      assertThat(value("-1000000")).isEqualTo(-1_000_000.0);
      for (String v : new String[] {"\"1e12\"", "\"-1e7\"", "\"1000001\"", "1000001"}) {
        assertThat(parser.parse("power", env(v), NOW))
            .as(v)
            .isEqualTo(new ParsedEvent.Rejected(EventParser.OUT_OF_RANGE, FRIDGE));
      }
    }
  }

  @Nested
  class NotReadings {
    @Test
    void cloudEventsAreIgnoredNotQuarantined() {
      String raw =
          "{\"data\":\"online\",\"ttl\":\"60\",\"published_at\":\"2016-03-04T18:17:33.784Z\","
              + "\"coreid\":\"1f0036000847343432313031\"}";
      for (String name : new String[] {"spark/status", "particle/device/updates", "hook-sent/x"}) {
        assertThat(parser.parse(name, raw, NOW)).isEqualTo(new Ignored(IgnoredKind.CLOUD_EVENT));
      }
    }

    @Test
    void nullDataVerbatimCapture() {
      String raw =
          "{\"data\":\"null\",\"ttl\":60,\"published_at\":\"2017-09-24T21:45:43.182Z\","
              + "\"coreid\":\"36001b001551353531343431\"}";
      assertThat(parser.parse("relaisreset", raw, NOW)).isEqualTo(new Ignored(IgnoredKind.NO_DATA));
      assertThat(parser.parse("x", env("null"), NOW)).isEqualTo(new Ignored(IgnoredKind.NO_DATA));
    }
  }

  /** The bad-payload corpus: each kind of junk and the reason it must be quarantined with. */
  static Stream<Arguments> corpus() {
    String big = "9".repeat(EventParser.MAX_DATA_CHARS + 1);
    return Stream.of(
        bad("empty text", "power", "", EventParser.BAD_JSON),
        bad("whitespace only", "power", "   ", EventParser.BAD_JSON),
        bad("truncated JSON", "power", "{\"data\":\"1\",\"coreid\":", EventParser.BAD_JSON),
        bad("not JSON at all", "power", "hello", EventParser.BAD_JSON),
        bad("single quotes", "power", "{'data':'1'}", EventParser.BAD_JSON),
        bad("trailing garbage", "power", env("\"1\"") + "}", EventParser.BAD_JSON),
        bad(
            "duplicate key",
            "power",
            env("\"1\"").replace("{", "{\"data\":\"2\","),
            EventParser.BAD_JSON),
        bad("bare NaN token", "power", env("NaN"), EventParser.BAD_JSON),
        bad("bare Infinity token", "power", env("Infinity"), EventParser.BAD_JSON),
        bad("JSON array", "power", "[1,2,3]", EventParser.NOT_AN_OBJECT),
        bad("JSON string", "power", "\"160.2\"", EventParser.NOT_AN_OBJECT),
        bad("JSON number", "power", "160.2", EventParser.NOT_AN_OBJECT),
        bad("NaN as text", "power", env("\"NaN\""), EventParser.NON_FINITE_VALUE),
        bad("nan lower case", "power", env("\"nan\""), EventParser.NON_FINITE_VALUE),
        bad("Infinity as text", "power", env("\"Infinity\""), EventParser.NON_FINITE_VALUE),
        bad("-inf as text", "power", env("\"-inf\""), EventParser.NON_FINITE_VALUE),
        bad("exponent overflow", "power", env("\"1e999\""), EventParser.NON_FINITE_VALUE),
        bad("too large", "power", env("\"2000000\""), EventParser.OUT_OF_RANGE),
        bad("too negative", "power", env("-1e7"), EventParser.OUT_OF_RANGE),
        bad("object field too large", "m", env("\"{\\\"p\\\":1e9}\""), EventParser.OUT_OF_RANGE),
        bad("word", "power", env("\"on\""), EventParser.NOT_A_NUMBER),
        bad("hex", "power", env("\"0x1F\""), EventParser.NOT_A_NUMBER),
        bad("comma decimal", "power", env("\"160,2\""), EventParser.NOT_A_NUMBER),
        bad("number with unit", "power", env("\"160.2W\""), EventParser.NOT_A_NUMBER),
        bad("two numbers", "power", env("\"1 2\""), EventParser.NOT_A_NUMBER),
        bad("boolean data", "power", env("true"), EventParser.NOT_A_NUMBER),
        bad("array data", "power", env("[1]"), EventParser.NOT_A_NUMBER),
        bad("array as text", "power", env("\"[1,2]\""), EventParser.NOT_A_NUMBER),
        bad("empty data", "power", env("\"\""), EventParser.EMPTY_DATA),
        bad("object text, broken", "m", env("\"{\\\"p\\\":\""), EventParser.BAD_JSON),
        bad(
            "object without numbers",
            "m",
            env("\"{\\\"state\\\":\\\"on\\\"}\""),
            EventParser.NO_NUMERIC_FIELD),
        bad("empty object", "m", env("\"{}\""), EventParser.NO_NUMERIC_FIELD),
        bad("oversized data", "power", env("\"" + big + "\""), EventParser.OVERSIZED_DATA),
        bad(
            "oversized event",
            "power",
            env("\"1\"")
                .replace("}", ",\"pad\":\"" + "x".repeat(EventParser.MAX_EVENT_CHARS) + "\"}"),
            EventParser.OVERSIZED_EVENT),
        bad(
            "missing data",
            "power",
            "{\"published_at\":\"" + TS + "\",\"coreid\":\"" + FRIDGE + "\"}",
            EventParser.MISSING_DATA),
        bad(
            "missing coreid",
            "power",
            "{\"data\":\"1\",\"published_at\":\"" + TS + "\"}",
            EventParser.MISSING_COREID),
        bad("empty coreid", "power", env("\"1\"").replace(FRIDGE, ""), EventParser.MISSING_COREID),
        bad(
            "short coreid",
            "power",
            env("\"1\"").replace(FRIDGE, "34003d"),
            EventParser.BAD_COREID),
        bad(
            "coreid not hex",
            "power",
            env("\"1\"").replace(FRIDGE, "zz003d000547363332363639"),
            EventParser.BAD_COREID),
        bad(
            "coreid a number",
            "power",
            env("\"1\"").replace("\"" + FRIDGE + "\"", "12345"),
            EventParser.BAD_COREID),
        bad(
            "missing published_at",
            "power",
            "{\"data\":\"1\",\"coreid\":\"" + FRIDGE + "\"}",
            EventParser.MISSING_PUBLISHED_AT),
        bad(
            "published_at not a date",
            "power",
            env("\"1\"").replace(TS, "yesterday"),
            EventParser.BAD_PUBLISHED_AT),
        bad(
            "published_at without zone",
            "power",
            env("\"1\"").replace(TS, "2026-11-27T18:07:12.555"),
            EventParser.BAD_PUBLISHED_AT),
        bad(
            "published_at legacy format",
            "power",
            env("\"1\"").replace(TS, "2026-11-27 18:07:12.555000"),
            EventParser.BAD_PUBLISHED_AT),
        bad(
            "published_at impossible day",
            "power",
            env("\"1\"").replace(TS, "2026-02-30T18:07:12.555Z"),
            EventParser.BAD_PUBLISHED_AT),
        bad(
            "published_at a number",
            "power",
            env("\"1\"").replace("\"" + TS + "\"", "1764266832"),
            EventParser.BAD_PUBLISHED_AT),
        bad(
            "published_at in 1970",
            "power",
            env("\"1\"").replace(TS, "1970-01-01T00:00:00Z"),
            EventParser.PUBLISHED_AT_OUT_OF_RANGE),
        bad(
            "published_at next year",
            "power",
            env("\"1\"").replace(TS, "2027-11-27T18:07:12Z"),
            EventParser.PUBLISHED_AT_OUT_OF_RANGE),
        bad(
            "ttl word",
            "power",
            env("\"1\"").replace("\"ttl\":60", "\"ttl\":\"sixty\""),
            EventParser.BAD_TTL),
        bad(
            "ttl negative",
            "power",
            env("\"1\"").replace("\"ttl\":60", "\"ttl\":-1"),
            EventParser.BAD_TTL),
        bad(
            "ttl object",
            "power",
            env("\"1\"").replace("\"ttl\":60", "\"ttl\":{}"),
            EventParser.BAD_TTL),
        bad("empty event name", "", env("\"1\""), EventParser.BAD_EVENT_NAME),
        bad("event name too long", "p".repeat(65), env("\"1\""), EventParser.BAD_EVENT_NAME),
        bad("control character in name", "pow\u0001er", env("\"1\""), EventParser.BAD_EVENT_NAME),
        bad("null name", null, env("\"1\""), EventParser.BAD_EVENT_NAME));
  }

  private static Arguments bad(String kind, String name, String raw, String reason) {
    return Arguments.of(kind, name, raw, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badPayloadIsRejectedWithItsReason(String kind, String name, String raw, String reason) {
    assertThat(parser.parse(name, raw, NOW))
        .as(kind)
        .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void corpusHasAtLeastFortyKinds() {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
  }
}
