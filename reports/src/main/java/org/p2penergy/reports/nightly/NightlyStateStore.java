package org.p2penergy.reports.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;

/** Reads and writes {@code DATA/state/nightly/H.json}; a write is temp file + atomic rename. */
public final class NightlyStateStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  /** The state from before homes had ids, or null when this home does not take it over. */
  private final Path legacy;

  /**
   * {@code DATA/state/nightly/H.json} of a single-home nightly; its first run reads the older
   * {@code state/nightly.json} (from before homes had ids) if there is one, and then writes its
   * own.
   */
  public NightlyStateStore(Path dataDir, String home) {
    this(dataDir, home, true);
  }

  private NightlyStateStore(Path dataDir, String home, boolean adoptsLegacy) {
    this.file = dataDir.resolve(DataLayout.of(home).nightlyState());
    this.legacy = adoptsLegacy ? dataDir.resolve(DataLayout.legacyNightlyState()) : null;
  }

  /**
   * The state of one home of a community: the older single-home {@code state/nightly.json} says
   * what was done for one home, not for every home of the community, so none of them takes it.
   */
  static NightlyStateStore ofCommunityHome(Path dataDir, String home) {
    return new NightlyStateStore(dataDir, home, false);
  }

  public Path file() {
    return file;
  }

  public NightlyState load() {
    Path source = Files.exists(file) || legacy == null ? file : legacy;
    if (!Files.exists(source)) {
      return NightlyState.EMPTY;
    }
    try {
      JsonNode root = JSON.readTree(source.toFile());
      TreeSet<LocalDate> done = new TreeSet<>();
      for (JsonNode d : root.path("done")) {
        done.add(LocalDate.parse(d.asText()));
      }
      TreeMap<LocalDate, DayProgress> pending = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("pending").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode p = e.getValue();
        pending.put(
            LocalDate.parse(e.getKey()),
            new DayProgress(
                p.path("analyzed").asBoolean(),
                strings(p.path("rendered")),
                strings(p.path("emailed"))));
      }
      return new NightlyState(done, pending);
    } catch (IOException | DateTimeParseException e) {
      throw new NightlyStateException(
          source
              + ": not a valid nightly state ("
              + e.getClass().getSimpleName()
              + "); move it away to start over");
    }
  }

  public void save(NightlyState state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode done = root.putArray("done");
    state.done().forEach(d -> done.add(d.toString()));
    ObjectNode pending = root.putObject("pending");
    state
        .pending()
        .forEach(
            (day, p) -> {
              ObjectNode n = pending.putObject(day.toString());
              n.put("analyzed", p.analyzed());
              ArrayNode r = n.putArray("rendered");
              new TreeSet<>(p.rendered()).forEach(r::add);
              ArrayNode m = n.putArray("emailed");
              new TreeSet<>(p.emailed()).forEach(m::add);
            });
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
