package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {
  @Test
  void theParticlePaths() {
    assertThat(Route.parse("/v1/devices/events")).isEqualTo(new Route.Stream(null, "", null));
    assertThat(Route.parse("/v1/devices/events/pow"))
        .isEqualTo(new Route.Stream(null, "pow", null));
    assertThat(Route.parse("/v1/devices/abc/events")).isEqualTo(new Route.Stream("abc", "", null));
    assertThat(Route.parse("/v1/devices/abc/events/spark/status"))
        .isEqualTo(new Route.Stream("abc", "spark/status", null));
    assertThat(Route.parse("/v1/events/rms")).isEqualTo(new Route.Stream(null, "rms", null));
    assertThat(Route.parse("/v1/products/13961/events/"))
        .isEqualTo(new Route.Stream(null, "", "13961"));
    assertThat(Route.parse("/v1/products/p/events/power"))
        .isEqualTo(new Route.Stream(null, "power", "p"));
    assertThat(Route.parse("/v1/devices")).isEqualTo(new Route.Devices());
    assertThat(Route.parse("/v1/devices/abc")).isEqualTo(new Route.Device("abc"));
  }

  @Test
  void anythingElseIsNotFound() {
    assertThat(Route.parse("/")).isInstanceOf(Route.NotFound.class);
    assertThat(Route.parse("/v2/devices")).isInstanceOf(Route.NotFound.class);
    assertThat(Route.parse("/v1/devices/abc/functions")).isInstanceOf(Route.NotFound.class);
    assertThat(Route.parse("/v1/products/p")).isInstanceOf(Route.NotFound.class);
  }
}
