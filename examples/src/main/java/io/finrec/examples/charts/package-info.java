/**
 * The bank app's charts, drawn by JFreeChart and written as PNG (JFreeChart's encoder) or SVG (JFreeSVG's
 * {@code SVGGraphics2D}): spending by category as a pie, spending per month as stacked bars, and an allocation as a
 * pie. No hand-drawn chart code.
 */
package io.finrec.examples.charts;
