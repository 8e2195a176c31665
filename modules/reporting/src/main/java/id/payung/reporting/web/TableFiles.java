package id.payung.reporting.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a table as CSV or XLSX, row by row (a table of a million workers never sits in memory). Text
 * that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * neutralised with a leading apostrophe in both formats: OPD names and the like are typed by people.
 */
final class TableFiles {

    enum Format {
        CSV("text/csv; charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** A column: its header, and whether its values are numbers (written as numbers, never neutralised). */
    record Column(String header, boolean numeric) {
        static Column text(String header) {
            return new Column(header, false);
        }

        static Column number(String header) {
            return new Column(header, true);
        }
    }

    /** Receives the rows of a table, one at a time. */
    interface RowSink {
        void row(Object... values);
    }

    static void write(Format format, String sheetName, List<Column> columns, Consumer<RowSink> rows, OutputStream out) throws IOException {
        if (format == Format.CSV) writeCsv(columns, rows, out);
        else writeXlsx(sheetName, columns, rows, out);
    }

    static String neutralised(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    private static void writeCsv(List<Column> columns, Consumer<RowSink> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that spreadsheet programs read UTF-8 (village names)
        writeCsvLine(writer, columns.stream().map(Column::header).map(h -> (Object) h).toList(), null);
        try {
            rows.accept(values -> {
                try {
                    writeCsvLine(writer, java.util.Arrays.asList(values), columns);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private static void writeCsvLine(Writer writer, List<Object> values, List<Column> columns) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) writer.write(',');
            Object value = values.get(i);
            boolean numeric = columns != null && columns.get(i).numeric() && (value instanceof Number);
            String text = value == null ? "" : numeric ? plain(value) : neutralised(String.valueOf(value));
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                writer.write('"');
                writer.write(text.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(text);
            }
        }
        writer.write("\r\n");
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(number);
    }

    private static void writeXlsx(String sheetName, List<Column> columns, Consumer<RowSink> rows, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Payung", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().fillColor("EEF2F4").set();
        }
        int[] next = {1};
        rows.accept(values -> {
            int r = next[0]++;
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                if (value == null) continue;
                if (value instanceof Number number && columns.get(c).numeric()) {
                    sheet.value(r, c, number);
                } else {
                    sheet.value(r, c, neutralised(String.valueOf(value)));
                }
            }
            if (r % 10_000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        sheet.finish();
        workbook.finish();
    }

    private TableFiles() {
    }
}
