package id.payung.enrollment;

import id.payung.platform.DomainProblem;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the first sheet of an XLSX workbook row by row (fastexcel-reader streams the sheet's XML; only the
 * workbook's shared texts stay in memory, which is why XLSX has a lower row limit than CSV). Cells become
 * the text a CSV of the same sheet would hold, except what a sheet can hold and a CSV cannot:
 * <ul>
 *   <li>a formula is refused (its cached result may be stale and Payung never evaluates a formula);</li>
 *   <li>an error value (#N/A, #REF!…) is refused;</li>
 *   <li>a NIK typed as a number is refused: a spreadsheet keeps 15 significant digits, so a 16-digit NIK
 *       stored as a number has already lost its last digit, silently;</li>
 *   <li>a phone typed as a number is refused: it has lost its leading 0;</li>
 *   <li>a birth date typed as a date is taken as that date; any other number is taken as written.</li>
 * </ul>
 * Text starting with = + - @ is text, as in a CSV. A row without any value is skipped like a blank line.
 */
final class ImportXlsx implements ImportSource {

    static final int NIK = 0;
    static final int BIRTH_DATE = 2;
    static final int PHONE = 6;
    static final int HEIR_NIK = 11;
    private static final int COLUMNS = WorkerImports.HEADER.size();

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private int recordLine;
    private List<CellProblem> problems = List.of();

    ImportXlsx(Path file) {
        try {
            this.workbook = new ReadableWorkbook(file.toFile());
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
        } catch (IOException | ExcelReaderException | UncheckedIOException e) {
            throw unreadable(1);
        }
    }

    /** Whether the bytes start like an XLSX file (a ZIP package). */
    static boolean looksLikeXlsx(byte[] head) {
        return ReadableWorkbook.isOOXMLZipHeader(head);
    }

    /** Whether the bytes start like an old binary Excel file (.xls, OLE2). */
    static boolean looksLikeXls(byte[] head) {
        return ReadableWorkbook.isOLE2Header(head);
    }

    @Override
    public List<String> next() {
        while (true) {
            Row row;
            try {
                if (!rows.hasNext()) return null;
                row = rows.next();
            } catch (ExcelReaderException | UncheckedIOException e) {
                throw unreadable(recordLine + 1);
            }
            recordLine = row.getRowNum();
            List<String> cells = new ArrayList<>(Math.max(row.getCellCount(), COLUMNS));
            List<CellProblem> found = new ArrayList<>(0);
            int last = -1; // the last cell with a value or a problem
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                String text = "";
                CellProblem problem = null;
                if (cell != null) {
                    switch (cell.getType()) {
                        case STRING -> text = cell.asString();
                        case NUMBER -> {
                            if (i == NIK || i == HEIR_NIK) problem = new CellProblem(i, EnrollmentProblem.IMPORT_CELL_NUMBER_NIK);
                            else if (i == PHONE) problem = new CellProblem(i, EnrollmentProblem.IMPORT_CELL_NUMBER_PHONE);
                            else if (i == BIRTH_DATE) text = birthDate(cell);
                            else text = plain(cell.asNumber());
                        }
                        case BOOLEAN -> text = String.valueOf(cell.asBoolean()).toUpperCase(java.util.Locale.ROOT);
                        case FORMULA -> problem = new CellProblem(i, EnrollmentProblem.IMPORT_CELL_FORMULA);
                        case ERROR -> problem = new CellProblem(i, EnrollmentProblem.IMPORT_CELL_ERROR);
                        case EMPTY -> text = "";
                    }
                    if (text == null) text = "";
                    if (problem == null && text.length() > ImportCsv.MAX_CELL) {
                        problem = new CellProblem(i, EnrollmentProblem.IMPORT_CELL_TOO_LONG, ImportCsv.MAX_CELL);
                        text = "";
                    }
                }
                if (problem != null) found.add(problem);
                if (problem != null || !text.isBlank()) last = i;
                cells.add(text);
            }
            if (last < 0) continue; // an empty row, like a blank line
            // An XLSX stores no empty trailing cells, and may store empty cells past the last column: the row
            // has as many columns as its last cell with a value, and at least the file's columns.
            while (cells.size() > Math.max(last + 1, COLUMNS)) cells.removeLast();
            while (cells.size() < COLUMNS) cells.add("");
            problems = found;
            return cells;
        }
    }

    private String birthDate(Cell cell) {
        try {
            return cell.asDate().toLocalDate().toString();
        } catch (RuntimeException notADate) {
            return cell.getRawValue();
        }
    }

    /** A number as written, without exponent or trailing zeros: 3571011001 rather than 3.571011001E9. */
    private static String plain(BigDecimal number) {
        if (number == null) return "";
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    @Override
    public int recordLine() {
        return recordLine;
    }

    @Override
    public List<CellProblem> cellProblems() {
        return problems;
    }

    private static DomainProblem unreadable(int row) {
        return new DomainProblem(EnrollmentProblem.IMPORT_XLSX_UNREADABLE, Map.of("field", "file"), row);
    }

    @Override
    public void close() {
        try {
            stream.close();
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // reading is over
        }
    }
}
