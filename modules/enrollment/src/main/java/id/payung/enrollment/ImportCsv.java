package id.payung.enrollment;

import id.payung.platform.DomainProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an import file one record at a time (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes), so that a file of a million rows is never held in memory. UTF-8 only: a byte
 * sequence that is not UTF-8 stops the reading with the line it is on. A byte-order mark is skipped.
 * The separator is a comma, or a semicolon when the header line has semicolons and no comma (what a
 * spreadsheet set to Indonesian writes). Cells are text, never evaluated.
 */
final class ImportCsv implements ImportSource {

    /** Longest cell accepted: a longer one is not a worker's data. */
    static final int MAX_CELL = 2_000;
    static final int MAX_CELLS = 50;

    private final Reader in;
    // Our own buffer: Reader.read() per character takes a lock each time, 170 million times for a 1M-row file.
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private char separator = 0;
    private int line = 1;
    private int recordLine = 1;
    private int pushedBack = -2;

    ImportCsv(InputStream bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new InputStreamReader(bytes, decoder);
    }

    /** The line (from 1) the last record returned started on. */
    @Override
    public int recordLine() {
        return recordLine;
    }

    /** The cells of the next record, or null at the end of the file. Blank lines are skipped. */
    @Override
    public List<String> next() {
        try {
            int c = read();
            while (c == '\r' || c == '\n') {
                if (c == '\n') line++;
                c = read();
            }
            if (c == -1) return null;
            if (c == 0xFEFF && line == 1) c = read();
            recordLine = line;
            List<String> cells = new ArrayList<>(16);
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            StringBuilder firstLine = separator == 0 ? new StringBuilder() : null;
            while (true) {
                if (c == -1) {
                    if (quoted) throw problem(EnrollmentProblem.IMPORT_CSV_QUOTE, recordLine);
                    break;
                }
                if (firstLine != null && !quoted) firstLine.append((char) c);
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') line++;
                        cell.append((char) c);
                    }
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') pushedBack = d;
                    }
                    line++;
                    break;
                } else if (isSeparator((char) c, firstLine)) {
                    add(cells, cell);
                    cell.setLength(0);
                    wasQuoted = false;
                } else {
                    cell.append((char) c);
                }
                if (cell.length() > MAX_CELL) throw problem(EnrollmentProblem.IMPORT_CSV_CELL_TOO_LONG, recordLine, MAX_CELL);
                c = read();
            }
            add(cells, cell);
            return cells;
        } catch (CharacterCodingException e) {
            throw problem(EnrollmentProblem.IMPORT_ENCODING, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isSeparator(char c, StringBuilder firstLine) {
        if (separator != 0) return c == separator;
        // Header line: the first comma or semicolon decides.
        if (c == ',' || c == ';') {
            separator = c;
            return true;
        }
        return false;
    }

    private void add(List<String> cells, StringBuilder cell) {
        if (cells.size() >= MAX_CELLS) throw problem(EnrollmentProblem.IMPORT_CSV_TOO_MANY_CELLS, recordLine, MAX_CELLS);
        cells.add(cell.toString());
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) return -1;
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }

    private static DomainProblem problem(EnrollmentProblem type, Object... arguments) {
        return new DomainProblem(type, arguments);
    }

    /** A cell as a spreadsheet may show it without evaluating it: a leading = + - @ tab or CR gets a quote. */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') ? "'" + cell : cell;
    }

    /** A cell written to a CSV report: neutralised, quoted when it holds a separator, quote or line break. */
    static String csvCell(String cell) {
        String value = neutralised(cell == null ? "" : cell);
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf(';') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * What one pass over the bytes found: the first line that is not UTF-8 (0: none), and the most records
     * the file can hold after its header (its lines, CR, LF or CRLF, less one; quoted line breaks make it fewer).
     */
    record Scan(int firstNonUtf8Line, long mostRecords) {
    }

    /**
     * Checks the encoding and counts the lines in one pass over the bytes, without decoding them into memory:
     * the first line (from 1) holding bytes that are not UTF-8 (overlong forms and surrogates refused), or 0.
     */
    static Scan scan(InputStream bytes) throws IOException {
        int line = 1;
        long terminators = 0;
        boolean afterCr = false;
        int last = -1;
        int need = 0;
        int lower = 0x80, upper = 0xBF;
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = bytes.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                last = b;
                if (b == '\r') terminators++;
                else if (b == '\n' && !afterCr) terminators++;
                afterCr = b == '\r';
                if (need == 0) {
                    if (b == '\n') line++;
                    if (b < 0x80) continue;
                    lower = 0x80;
                    upper = 0xBF;
                    if (b >= 0xC2 && b <= 0xDF) need = 1;
                    else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                        if (b == 0xE0) lower = 0xA0;
                        if (b == 0xED) upper = 0x9F;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                        if (b == 0xF0) lower = 0x90;
                        if (b == 0xF4) upper = 0x8F;
                    } else return new Scan(line, line);
                } else {
                    if (b < lower || b > upper) return new Scan(line, line);
                    lower = 0x80;
                    upper = 0xBF;
                    need--;
                }
            }
        }
        long lines = terminators + (last != -1 && last != '\n' && last != '\r' ? 1 : 0);
        return new Scan(need == 0 ? 0 : line, Math.max(0, lines - 1));
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading is over
        }
    }
}
