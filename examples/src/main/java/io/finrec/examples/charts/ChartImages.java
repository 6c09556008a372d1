package io.finrec.examples.charts;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a chart to PNG bytes (JFreeChart's encoder) or an SVG document (JFreeSVG), and writes both beside each
 * other. Runs headless (sets {@code java.awt.headless} when nothing chose otherwise). Stateless and thread-safe for
 * distinct charts.
 */
public final class ChartImages {
    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private ChartImages() {}

    /** The chart as a PNG image. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG element ({@code <svg ...>...</svg>}), suitable for inlining in HTML. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }

    /** The PNG as a {@code data:} URI for an {@code <img src>}. */
    public static String pngDataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /**
     * Writes {@code <base>.png} and {@code <base>.svg} (a standalone SVG document) into {@code dir}.
     *
     * @return the two files, PNG first
     */
    public static Path[] write(JFreeChart chart, int width, int height, Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(base + ".png");
        Path svg = dir.resolve(base + ".svg");
        Files.write(png, png(chart, width, height));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
        return new Path[] {png, svg};
    }
}
