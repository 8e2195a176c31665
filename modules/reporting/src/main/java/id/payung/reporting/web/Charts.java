package id.payung.reporting.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as inline SVG: nothing to download at run time, readable without
 * JavaScript, and every bar is a link to the figures behind it. Every text is escaped (OPD names are
 * typed by people).
 */
final class Charts {

    /** One bar: its label, value, the link behind it, and an optional second value drawn as a marker. */
    record Bar(String label, long value, String href, String title) {
    }

    private static final String BRAND = "#0b6e4f";
    private static final String MUTED = "#5b6b75";

    /** Vertical bars over months (the trend), the last one highlighted. */
    static String columns(String title, List<Bar> bars, Locale locale) {
        int width = 640, height = 220, left = 48, bottom = 36, top = 16;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int n = Math.max(1, bars.size());
        double slot = (width - left - 8) / (double) n;
        double barWidth = Math.max(4, slot * 0.7);
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(title)).append("</title>");
        svg.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + 4).append("\" text-anchor=\"end\" font-size=\"10\" fill=\"")
                .append(MUTED).append("\">").append(escape(numbers.format(max))).append("</text>");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width - 4)
                .append("\" y2=\"").append(height - bottom).append("\" stroke=\"#b7c3ca\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = (height - bottom - top) * (bar.value() / (double) max);
            double x = left + i * slot + (slot - barWidth) / 2;
            double y = height - bottom - h;
            svg.append("<a href=\"").append(escape(bar.href())).append("\"><rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(Math.max(h, 0.5)))
                    .append("\" fill=\"").append(i == bars.size() - 1 ? BRAND : "#6fae95").append("\"><title>")
                    .append(escape(bar.title())).append("</title></rect></a>");
            svg.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(height - bottom + 14)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"").append(MUTED).append("\">")
                    .append(escape(bar.label())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars (a breakdown or a ranking), longest first as given. */
    static String bars(String title, List<Bar> bars, Locale locale) {
        int width = 640, row = 22, labelWidth = 220, top = 4;
        int height = Math.max(row, bars.size() * row) + top * 2;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * row;
            double w = (width - labelWidth - 70) * (bar.value() / (double) max);
            svg.append("<a href=\"").append(escape(bar.href())).append("\">");
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2a33\">").append(escape(shorten(bar.label(), 32))).append("</text>");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(Math.max(w, 0.5)))
                    .append("\" height=\"").append(row - 6).append("\" fill=\"").append(BRAND).append("\"><title>")
                    .append(escape(bar.title())).append("</title></rect>");
            svg.append("<text x=\"").append(fmt(labelWidth + w + 6)).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\" fill=\"").append(MUTED).append("\">").append(escape(numbers.format(bar.value()))).append("</text>");
            svg.append("</a>");
        }
        return svg.append("</svg>").toString();
    }

    /** Coverage share against the target as one bar: filled to the share, a line at the target. */
    static String gauge(String title, BigDecimal share, BigDecimal target) {
        int width = 640, height = 44;
        double scale = Math.max(100, 0);
        double s = share == null ? 0 : Math.min(100, share.doubleValue());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart gauge\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(escape(title)).append("</title>");
        svg.append("<rect x=\"0\" y=\"8\" width=\"").append(width).append("\" height=\"20\" rx=\"4\" fill=\"#e8eef1\"/>");
        svg.append("<rect x=\"0\" y=\"8\" width=\"").append(fmt(width * s / scale)).append("\" height=\"20\" rx=\"4\" fill=\"").append(BRAND).append("\"/>");
        if (target != null) {
            double t = width * Math.min(100, target.doubleValue()) / scale;
            svg.append("<line x1=\"").append(fmt(t)).append("\" y1=\"2\" x2=\"").append(fmt(t)).append("\" y2=\"34\" stroke=\"#a4161a\" stroke-width=\"3\"/>");
            svg.append("<text x=\"").append(fmt(Math.min(width - 40, t + 4))).append("\" y=\"42\" font-size=\"10\" fill=\"#a4161a\">")
                    .append(escape(target.stripTrailingZeros().toPlainString())).append(" %</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private Charts() {
    }
}
