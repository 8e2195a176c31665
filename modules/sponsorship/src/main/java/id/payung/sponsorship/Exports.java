package id.payung.sponsorship;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tabular exports as CSV or XLSX, streaming (a million rows never sit in memory). Text that a
 * spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) is neutralised
 * with a leading apostrophe; numbers are written as numbers.
 */
final class Exports {

    private static final int FLUSH_EVERY = 5_000;

    /** Text made safe to open in a spreadsheet. */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }

    /** A table being written: a header row then data rows of text and numbers. */
    interface Sheet extends AutoCloseable {
        void row(List<?> cells);

        @Override
        void close();
    }

    static Sheet open(ExportFormat format, OutputStream out, String sheetName, char csvSeparator) {
        return format == ExportFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(out, csvSeparator);
    }

    private static final class Csv implements Sheet {
        private final Writer writer;
        private final char separator;

        Csv(OutputStream out, char separator) {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.separator = separator;
        }

        @Override
        public void row(List<?> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) writer.write(separator);
                    writer.write(cell(cells.get(i)));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String cell(Object value) {
            if (value == null) return "";
            if (value instanceof Number number) return number.toString();
            String text = neutralised(value.toString());
            boolean quote = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    || text.startsWith("'");
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }

        @Override
        public void close() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx implements Sheet {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Payung", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value == null) continue;
                if (value instanceof Number number) sheet.value(row, c, number);
                else sheet.value(row, c, neutralised(value.toString()));
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Exports() {
    }
}
