package id.payung.reporting.web;

import id.payung.reporting.Reports.BreakdownRow;
import id.payung.reporting.Reports.OpdRank;
import id.payung.reporting.Reports.PemdaDashboard;
import id.payung.reporting.Reports.TrendPoint;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import java.awt.Color;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The one-page summary of a pemda for a month, for the regional leadership meeting: the headline
 * figures, the twelve-month trend as a chart, the leading districts and OPDs, money and claims. The
 * lists are cut to fit one A4 page; the full tables are in the exports.
 */
final class SummaryPdf {

    private static final Color BRAND = new Color(0x0b, 0x6e, 0x4f);
    private static final Color LINE = new Color(0xd8, 0xe0, 0xe5);
    private static final int TOP_ROWS = 8;

    private final MessageSource messages;
    private final Locale locale;
    private final NumberFormat numbers;

    SummaryPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.numbers = NumberFormat.getIntegerInstance(locale);
    }

    void write(PemdaDashboard d, OutputStream out) {
        Document document = new Document(PageSize.A4, 36, 36, 32, 32);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(m("reporting.pdf.title") + " - " + d.pemda().name() + " - " + d.period());
        document.addCreator("Payung");
        document.open();
        Font title = new Font(Font.HELVETICA, 15, Font.BOLD, BRAND);
        Font normal = new Font(Font.HELVETICA, 9);
        Font small = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, Color.DARK_GRAY);
        Font bold = new Font(Font.HELVETICA, 9, Font.BOLD);

        document.add(new Paragraph(m("reporting.pdf.title"), title));
        document.add(new Paragraph(d.pemda().name() + "  |  " + month(d.period()) + "  |  " + d.pemda().officeName(), bold));
        document.add(new Paragraph(" ", small));

        var h = d.headline();
        PdfPTable figures = new PdfPTable(4);
        figures.setWidthPercentage(100);
        figure(figures, m("reporting.headline.covered"), numbers.format(h.covered()));
        figure(figures, m("reporting.headline.potential"), h.potentialWorkers() == null ? "-" : numbers.format(h.potentialWorkers()));
        figure(figures, m("reporting.headline.share"), percent(h.coveragePercent()));
        figure(figures, m("reporting.headline.target"), percent(h.targetPercent()));
        figure(figures, m("reporting.headline.gap"), h.gapWorkers() == null ? "-" : h.targetReached() ? m("reporting.headline.reached")
                : numbers.format(h.gapWorkers()) + " (" + percent(h.gapPoints()) + ")");
        figure(figures, m("reporting.headline.backlog"), numbers.format(h.registered()));
        figure(figures, m("reporting.headline.contributionsMonth"), rupiah(d.contributionsInPeriod()));
        figure(figures, m("reporting.headline.claimsPaid"), rupiah(d.claims().paidAmount()) + " (" + numbers.format(d.claims().paidCount()) + ")");
        document.add(figures);

        document.add(new Paragraph(m("reporting.trend.title"), bold));
        Image chart = Image.getInstance(trendChart(writer.getDirectContent(), d.trend()));
        chart.setAlignment(Element.ALIGN_CENTER);
        document.add(chart);

        PdfPTable lists = new PdfPTable(2);
        lists.setWidthPercentage(100);
        lists.setSpacingBefore(6);
        lists.addCell(listCell(m("reporting.breakdown.DISTRICT." + ("PROVINSI".equals(d.pemda().kind()) ? "province" : "regency")),
                d.districts().rows().stream().limit(TOP_ROWS).map(r -> new String[]{r.label(), numbers.format(r.covered()),
                        percent(r.shareOfCovered())}).toList(), bold, normal, d.districts().rows().size()));
        lists.addCell(listCell(m("reporting.opdRanking.title"),
                d.opdRanking().stream().limit(TOP_ROWS).map(r -> new String[]{r.rank() + ". " + r.name(), numbers.format(r.covered()),
                        r.sponsors() == null ? "-" : numbers.format(r.sponsors())}).toList(), bold, normal, d.opdRanking().size()));
        lists.addCell(listCell(m("reporting.breakdown.OCCUPATION"),
                d.occupations().rows().stream().limit(TOP_ROWS).map(r -> new String[]{r.label(), numbers.format(r.covered()),
                        percent(r.shareOfCovered())}).toList(), bold, normal, d.occupations().rows().size()));
        lists.addCell(listCell(m("reporting.breakdown.PROGRAM"),
                d.programs().rows().stream().limit(TOP_ROWS).map(r -> new String[]{r.label(), numbers.format(r.covered()),
                        numbers.format(r.total())}).toList(), bold, normal, d.programs().rows().size()));
        document.add(lists);

        var c = d.claims();
        document.add(new Paragraph(m("reporting.pdf.money", rupiah(d.contributionsInPeriod()), rupiah(d.contributions12m())), normal));
        document.add(new Paragraph(m("reporting.pdf.claims", numbers.format(c.awaitingDecision()), numbers.format(c.awaitingPayment()),
                numbers.format(c.paidCount()), rupiah(c.paidAmount()),
                c.averageWorkingDaysToPay() == null ? "-" : c.averageWorkingDaysToPay().toPlainString(), numbers.format(c.paidWithinSevenDays())), normal));
        document.add(new Paragraph(" ", small));
        document.add(new Paragraph(m("reporting.pdf.footer", LocalDateTime.now(id.payung.reporting.Periods.JAKARTA)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))), small));
        document.close();
    }

    private PdfTemplate trendChart(PdfContentByte content, List<TrendPoint> trend) {
        float width = 520, height = 120, bottom = 16, top = 10;
        PdfTemplate t = content.createTemplate(width, height);
        long max = Math.max(1, trend.stream().mapToLong(TrendPoint::covered).max().orElse(1));
        float slot = width / Math.max(1, trend.size());
        BaseFont font;
        try {
            font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < trend.size(); i++) {
            TrendPoint p = trend.get(i);
            float h = (height - bottom - top) * p.covered() / (float) max;
            float x = i * slot + slot * 0.15f;
            t.setColorFill(i == trend.size() - 1 ? BRAND : new Color(0x6f, 0xae, 0x95));
            t.rectangle(x, bottom, slot * 0.7f, Math.max(h, 0.5f));
            t.fill();
            t.beginText();
            t.setFontAndSize(font, 6.5f);
            t.setColorFill(Color.DARK_GRAY);
            t.showTextAligned(Element.ALIGN_CENTER, p.period().getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + (p.period().getYear() % 100),
                    x + slot * 0.35f, 4, 0);
            t.showTextAligned(Element.ALIGN_CENTER, numbers.format(p.covered()), x + slot * 0.35f, bottom + h + 2, 0);
            t.endText();
        }
        t.setColorStroke(LINE);
        t.moveTo(0, bottom);
        t.lineTo(width, bottom);
        t.stroke();
        return t;
    }

    private static void figure(PdfPTable table, String label, String value) {
        PdfPCell cell = new PdfPCell();
        cell.setBorderColor(LINE);
        cell.setPadding(5);
        cell.addElement(new Paragraph(label, new Font(Font.HELVETICA, 7.5f, Font.NORMAL, Color.DARK_GRAY)));
        cell.addElement(new Paragraph(value, new Font(Font.HELVETICA, 12, Font.BOLD, BRAND)));
        table.addCell(cell);
    }

    private PdfPCell listCell(String heading, List<String[]> rows, Font bold, Font normal, int total) {
        PdfPTable inner = new PdfPTable(new float[]{6, 2, 2});
        inner.setWidthPercentage(100);
        PdfPCell head = new PdfPCell(new Phrase(heading, bold));
        head.setColspan(3);
        head.setBorder(0);
        head.setPaddingBottom(3);
        inner.addCell(head);
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(m("reporting.empty"), normal));
            none.setColspan(3);
            none.setBorder(0);
            inner.addCell(none);
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                PdfPCell cell = new PdfPCell(new Phrase(new Chunk(row[i], new Font(Font.HELVETICA, 8))));
                cell.setBorder(PdfPCell.BOTTOM);
                cell.setBorderColor(LINE);
                cell.setPadding(2);
                if (i > 0) cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                inner.addCell(cell);
            }
        }
        if (total > rows.size()) {
            PdfPCell more = new PdfPCell(new Phrase(m("reporting.pdf.more", total - rows.size()), new Font(Font.HELVETICA, 7, Font.ITALIC)));
            more.setColspan(3);
            more.setBorder(0);
            inner.addCell(more);
        }
        PdfPCell outer = new PdfPCell(inner);
        outer.setBorder(0);
        outer.setPadding(4);
        return outer;
    }

    private String month(java.time.YearMonth period) {
        return period.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + period.getYear();
    }

    private String percent(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString().replace('.', locale.getLanguage().equals("en") ? '.' : ',') + " %";
    }

    private String rupiah(long amount) {
        return "Rp" + numbers.format(amount);
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
