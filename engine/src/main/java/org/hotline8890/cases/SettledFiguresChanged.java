package org.hotline8890.cases;

/**
 * A case whose figures the statistics had folded into their stored totals as settled changed in a way
 * the figures read: {@code folded} is what was folded, for the statistics to take back. Registered by
 * the case itself, published with its other events when it is saved, in the same transaction.
 */
public record SettledFiguresChanged(HotlineCase subject, FigureInputs folded) {
}
