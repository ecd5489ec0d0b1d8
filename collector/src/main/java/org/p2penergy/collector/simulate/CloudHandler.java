package org.p2penergy.collector.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers the Particle API paths: event streams, the device listing, and the cloud's JSON errors
 * (401 without a valid token; the injected 500 / 503 / 429).
 */
final class CloudHandler implements HttpHandler {
  static final String INVALID_TOKEN =
      "{\"error\":\"invalid_token\",\"error_description\":\"The access token provided is invalid.\"}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudState state;
  private final TokenCheck tokens;

  CloudHandler(CloudState state, TokenCheck tokens) {
    this.state = state;
    this.tokens = tokens;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      respond(exchange);
    } catch (StreamSession.Dropped dropped) {
      // leave the exchange open: the server then cuts the socket mid-body, like a network drop
      throw dropped;
    }
    exchange.close();
  }

  private void respond(HttpExchange exchange) throws IOException {
    {
      Optional<Fault> fault = state.faults.httpFaultAt(state.faults.elapsedNanos());
      if (fault.isPresent()) {
        httpFault(exchange, fault.get());
        return;
      }
      if (!tokens.accepts(exchange)) {
        exchange
            .getResponseHeaders()
            .set("WWW-Authenticate", "Bearer realm=\"Service\", error=\"invalid_token\"");
        json(exchange, 401, INVALID_TOKEN);
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        json(exchange, 405, "{\"ok\":false,\"error\":\"Method Not Allowed\"}");
        return;
      }
      Route route = Route.parse(exchange.getRequestURI().getPath());
      if (route instanceof Route.Stream stream) {
        stream(exchange, stream);
      } else if (route instanceof Route.Devices) {
        json(exchange, 200, JSON.writeValueAsString(listing(state.home.devices())));
      } else if (route instanceof Route.Device device
          && state.home.device(device.id()).isPresent()) {
        json(
            exchange, 200, JSON.writeValueAsString(describe(state.home.device(device.id()).get())));
      } else if (route instanceof Route.Device) {
        json(exchange, 404, "{\"ok\":false,\"error\":\"Device not found.\"}");
      } else {
        json(exchange, 404, "{\"ok\":false,\"error\":\"Not Found\"}");
      }
    }
  }

  private void httpFault(HttpExchange exchange, Fault fault) throws IOException {
    state.faultsInjected.increment();
    state.sentLog.comment(fault.kind().word() + " " + exchange.getRequestURI().getPath());
    String error =
        switch (fault.kind()) {
          case HTTP_429 -> "Too Many Requests";
          case HTTP_503 -> "Service Unavailable";
          default -> "Internal Server Error";
        };
    if (fault.kind() != Fault.Kind.HTTP_500) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
    }
    json(exchange, fault.kind().status(), "{\"ok\":false,\"error\":\"" + error + "\"}");
  }

  private void stream(HttpExchange exchange, Route.Stream route) throws IOException {
    if (route.deviceId() != null && state.home.device(route.deviceId()).isEmpty()) {
      json(exchange, 404, "{\"ok\":false,\"error\":\"Device not found.\"}");
      return;
    }
    SseFormat.ProductFields product =
        route.product() == null
            ? null
            : new SseFormat.ProductFields(
                ParticleCloudSimulator.USER_ID, 3, productId(route.product()));
    Predicate<SimEvent> filter =
        e ->
            e.name().startsWith(route.prefix())
                && (route.deviceId() == null || e.coreid().equals(route.deviceId()));
    List<DeviceTimeline> devices = new ArrayList<>(state.home.devices());
    if (route.deviceId() != null) {
      devices.removeIf(d -> !d.deviceId().equals(route.deviceId()));
    }
    state.clock.run();
    MergedCursor cursor =
        new MergedCursor(devices, state.clock.nowMillis(), state.endMillis, filter);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    int id = state.streamsOpened.incrementAndGet();
    state.openStreams.incrementAndGet();
    try {
      OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
      new StreamSession(id, state, cursor, product, out).run();
    } catch (IOException gone) {
      // the subscriber closed the connection: nothing to answer any more
    } finally {
      state.openStreams.decrementAndGet();
    }
  }

  private long productId(String product) {
    try {
      return Long.parseLong(product);
    } catch (NumberFormatException slug) {
      return state.productId;
    }
  }

  private List<Map<String, Object>> listing(List<DeviceTimeline> devices) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DeviceTimeline device : devices) {
      out.add(describe(device));
    }
    return out;
  }

  /** The fields of Particle's device listing, with the values a Photon in this home would show. */
  private Map<String, Object> describe(DeviceTimeline device) {
    long now = state.simulatedNowMillis();
    long last = device.lastAtOrBefore(now);
    boolean connected = !state.finished() && last != Long.MIN_VALUE && now - last < 60_000;
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", device.deviceId());
    d.put("name", device.name());
    d.put("last_app", null);
    d.put("last_ip_address", "127.0.0.1");
    d.put("last_heard", last == Long.MIN_VALUE ? null : SseFormat.publishedAt(last));
    d.put("product_id", 6);
    d.put("connected", connected);
    d.put("platform_id", 6);
    d.put("cellular", false);
    d.put("notes", null);
    d.put("functions", List.of());
    d.put("variables", Map.of());
    d.put("status", "normal");
    d.put("serial_number", "PH-SIM-" + device.deviceId().substring(device.deviceId().length() - 6));
    d.put("system_firmware_version", "1.5.2");
    d.put("current_build_target", "1.5.2");
    d.put("default_build_target", "1.5.2");
    d.put("online", connected);
    return d;
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
