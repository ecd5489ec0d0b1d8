package org.p2penergy.collector.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The device names the account can see ({@code GET /v1/devices}), fetched once per run to make the
 * log and the status line readable. Optional: any failure is one log line and an empty map.
 */
public final class DeviceDirectory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BYTES = 1 << 20;

  private DeviceDirectory() {}

  /** Device id to name; empty if the list could not be fetched. */
  public static Map<String, String> fetch(ParticleConnector connector, java.io.PrintStream log) {
    URI url = StreamUrls.devices(connector.streamUrl());
    try (Response response = connector.client().newCall(connector.get(url)).execute()) {
      if (!response.isSuccessful()) {
        log.println("collect: device list unavailable (HTTP " + response.code() + "); continuing");
        return Map.of();
      }
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.byteStream().readNBytes(MAX_BYTES);
      Map<String, String> names = parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder line = new StringBuilder("collect: devices on this account: ");
      names.forEach((id, name) -> line.append(name).append(" (").append(id).append(") "));
      log.println(
          names.isEmpty() ? "collect: no devices on this account" : line.toString().strip());
      return names;
    } catch (IOException | RuntimeException e) {
      log.println(
          "collect: device list unavailable (" + e.getClass().getSimpleName() + "); continuing");
      return Map.of();
    }
  }

  static Map<String, String> parse(String json) throws IOException {
    Map<String, String> names = new TreeMap<>();
    JsonNode root = JSON.readTree(json);
    if (root != null && root.isArray()) {
      for (JsonNode d : root) {
        String id = d.path("id").asText("");
        String name = d.path("name").asText("");
        if (!id.isEmpty()) {
          names.put(id.toLowerCase(java.util.Locale.ROOT), name.isEmpty() ? id : name);
        }
      }
    }
    return names;
  }
}
