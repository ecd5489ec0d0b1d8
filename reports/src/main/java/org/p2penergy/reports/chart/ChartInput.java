package org.p2penergy.reports.chart;

import java.util.function.UnaryOperator;
import org.p2penergy.reports.summary.PeriodSummary;

/**
 * What every chart builder needs: the period's figures, the appliance colours, and {@code text},
 * which makes a label showable in the document's fonts (see FontSet.displayable).
 */
public record ChartInput(PeriodSummary period, Palette palette, UnaryOperator<String> text) {

  /** The display name of a device: its name in the period's appliances, else the device id. */
  public String name(String deviceId) {
    return text.apply(
        period.appliances().stream()
            .filter(a -> a.deviceId().equals(deviceId))
            .map(a -> a.name())
            .findFirst()
            .orElse(deviceId));
  }
}
