package org.p2penergy.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A number axis that shows exactly the ticks it is given instead of evenly spaced numbers: for
 * positions whose labels are not a linear function of the value (local clock times on a DST day, a
 * repeated hour in the heatmap).
 */
public final class TickedAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;
  private final List<Tick> ticks;

  public TickedAxis(String label, List<Tick> ticks) {
    super(label);
    this.ticks = List.copyOf(ticks);
  }

  /** The ticks drawn, in the order given. */
  public List<Tick> ticks() {
    return ticks;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    // The same anchors NumberAxis uses for unrotated labels on each edge.
    TextAnchor anchor;
    if (edge == RectangleEdge.TOP) {
      anchor = TextAnchor.BOTTOM_CENTER;
    } else if (edge == RectangleEdge.BOTTOM) {
      anchor = TextAnchor.TOP_CENTER;
    } else if (edge == RectangleEdge.LEFT) {
      anchor = TextAnchor.CENTER_RIGHT;
    } else {
      anchor = TextAnchor.CENTER_LEFT;
    }
    List result = new ArrayList();
    for (Tick t : ticks) {
      result.add(new NumberTick(t.value(), t.label(), anchor, anchor, 0.0));
    }
    return result;
  }
}
