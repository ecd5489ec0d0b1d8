package org.p2penergy.collector.simulate;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The cloud's token check: an {@code Authorization: Bearer} header or an {@code access_token} query
 * parameter. With no tokens configured any non-empty token passes.
 */
final class TokenCheck {
  private final Set<String> tokens;

  TokenCheck(Set<String> tokens) {
    this.tokens = Set.copyOf(tokens);
  }

  boolean acceptsAny() {
    return tokens.isEmpty();
  }

  boolean accepts(HttpExchange exchange) {
    String token = token(exchange);
    if (token == null || token.isEmpty()) {
      return false;
    }
    return tokens.isEmpty() || tokens.contains(token);
  }

  private static String token(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      return header.substring("bearer ".length()).strip();
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals("access_token")) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }
}
