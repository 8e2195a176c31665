package id.payung.enrollment;

import java.util.List;

/**
 * The records of an import file, one at a time (CSV or XLSX), so that a file of a million rows is never
 * held in memory. The first record is the header. Cells are text as the file holds it, never evaluated.
 */
interface ImportSource extends AutoCloseable {

    /** The cells of the next record, or null at the end of the file. */
    List<String> next();

    /** The line (CSV) or row (XLSX) the last record started on, from 1, as a spreadsheet numbers rows. */
    int recordLine();

    /** What is wrong with single cells of the last record that the text alone cannot show (XLSX cell types). */
    default List<CellProblem> cellProblems() {
        return List.of();
    }

    @Override
    void close();

    /** A cell refused for what it is rather than what it says: a formula, a number that lost digits, an error. */
    record CellProblem(int column, EnrollmentProblem type, Object... arguments) {
    }
}
