package id.payung.enrollment;

import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.persistence.WorkerRows;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verification by batch with BPJS. BPJS staff export the pemda's pending (REGISTERED) workers as a CSV
 * for BPJS's own system, and upload BPJS's result file, which verifies every matched worker at once or,
 * if any row has a problem, none (with a report of every problem row).
 *
 * <p>The export (UTF-8, comma separated, header line):
 * {@code worker_id,nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,pekerjaan}. It holds NIKs and leaves
 * Payung: the audit trail records that it was exported and how many rows, never the NIKs.
 *
 * <p>The result file (UTF-8, optional BOM, comma separated, header line required), one of:
 * <ul>
 *   <li>{@code nik,kpj}: every row a worker BPJS registered, with his KPJ;</li>
 *   <li>{@code nik,status,reason} with an optional {@code kpj} column anywhere ({@code nik,kpj,status,reason}):
 *   status {@code DITERIMA} (needs the KPJ) or {@code DITOLAK} (the reason is recorded in the worker's
 *   history; he stays REGISTERED).</li>
 * </ul>
 * At most {@value #MAX_ROWS} rows.
 */
@Service
public class VerificationBatches {

    public static final int MAX_ROWS = 100_000;
    static final Role[] MAY_BATCH = {Role.BPJS_STAFF};

    private final WorkerRows workers;
    private final WorkerLifecycle lifecycle;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    VerificationBatches(WorkerRows workers, WorkerLifecycle lifecycle, TenantAdministration tenants,
                        TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                        ApplicationEventPublisher events) {
        this.workers = workers;
        this.lifecycle = lifecycle;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    /** Writes the pending workers as CSV; answers how many. */
    public int exportPending(TenantId tenant, Writer out) {
        currentActor.get().requireAnyOf(MAY_BATCH);
        return transactions.inTenant(tenant, () -> {
            int[] count = {0};
            try {
                out.write("worker_id,nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,pekerjaan\r\n");
                workers.forEachPending(tenant, w -> {
                    try {
                        out.write(String.join(",", w.id().toString(), w.nik(), cell(w.name()), w.birthDate().toString(),
                                w.sex() == Sex.MALE ? "L" : "P", w.villageCode().value(), w.occupationCode()) + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            audit.record("worker.batch.exported", "tenant", tenant.value(), Map.of("workers", count[0]));
            return count[0];
        });
    }

    /** One problem of one row of a result file: row number (the header is row 1), column and problem. */
    public record RowProblem(int row, String column, EnrollmentProblem problem) {
    }

    /** What an upload did: applied or not; counts; every problem row. */
    public record Report(boolean applied, int rows, int verified, int rejected, List<RowProblem> problems) {
    }

    private record Line(int row, String nik, String kpj, boolean accepted, String reason) {
    }

    /** Applies BPJS's result file, all or nothing. */
    public Report applyResults(TenantId tenant, String text) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_BATCH);
        List<RowProblem> problems = new ArrayList<>();
        List<Line> lines = parse(text, problems);
        try {
            return apply(tenant, actor, lines, problems);
        } catch (org.springframework.dao.DuplicateKeyException kpjTakenAMomentAgo) {
            // another worker got one of the KPJs between our check and our update: nothing was applied
            throw new DomainProblem(EnrollmentProblem.KPJ_TAKEN, Map.of("field", "file"));
        }
    }

    private Report apply(TenantId tenant, Actor actor, List<Line> lines, List<RowProblem> problems) {
        return transactions.inTenant(tenant, () -> {
            tenants.requireWritable(tenant);
            Set<String> niks = new HashSet<>();
            lines.forEach(l -> { if (l.nik != null) niks.add(l.nik); });
            Map<String, Worker> found = niks.isEmpty() ? Map.of() : workers.findByNiks(tenant, niks);
            Set<String> kpjs = new HashSet<>();
            lines.forEach(l -> { if (l.kpj != null) kpjs.add(l.kpj); });
            Set<String> taken = kpjs.isEmpty() ? Set.of() : workers.kpjsTaken(tenant, kpjs);
            Map<String, Integer> nikSeen = new HashMap<>();
            Map<String, Integer> kpjSeen = new HashMap<>();
            for (Line l : lines) {
                if (l.nik == null) continue;
                if (nikSeen.putIfAbsent(l.nik, l.row) != null) {
                    problems.add(new RowProblem(l.row, "nik", EnrollmentProblem.BATCH_DUPLICATE_NIK));
                    continue;
                }
                Worker w = found.get(l.nik);
                if (w == null) {
                    problems.add(new RowProblem(l.row, "nik", EnrollmentProblem.BATCH_UNKNOWN_NIK));
                    continue;
                }
                if (w.status() != WorkerStatus.REGISTERED) {
                    problems.add(new RowProblem(l.row, "nik", EnrollmentProblem.BATCH_NOT_PENDING));
                }
                if (l.kpj != null && (taken.contains(l.kpj) || kpjSeen.putIfAbsent(l.kpj, l.row) != null)) {
                    problems.add(new RowProblem(l.row, "kpj", EnrollmentProblem.KPJ_TAKEN));
                }
            }
            problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
            int accepted = (int) lines.stream().filter(Line::accepted).count();
            int rejected = lines.size() - accepted;
            if (!problems.isEmpty() || lines.isEmpty()) {
                if (lines.isEmpty() && problems.isEmpty()) problems.add(new RowProblem(1, "", EnrollmentProblem.BATCH_EMPTY));
                audit.record("worker.batch.refused", "tenant", tenant.value(), Map.of("rows", lines.size(), "problems", problems.size()));
                return new Report(false, lines.size(), 0, 0, List.copyOf(problems));
            }
            for (Line l : lines) {
                Worker w = found.get(l.nik);
                if (l.accepted) {
                    workers.verify(tenant, w.id(), l.kpj);
                    workers.addHistory(tenant, w.id(), actor.subject(), actor.displayName(), "VERIFIED",
                            WorkerStatus.VERIFIED, "KPJ " + l.kpj + " (batch)");
                    events.publishEvent(new WorkerVerified(tenant, w.id()));
                } else {
                    workers.addHistory(tenant, w.id(), actor.subject(), actor.displayName(), "REJECTED_BY_BPJS",
                            WorkerStatus.REGISTERED, l.reason);
                }
            }
            audit.record("worker.batch.applied", "tenant", tenant.value(), Map.of("verified", accepted, "rejected", rejected));
            return new Report(true, lines.size(), accepted, rejected, List.of());
        });
    }

    private List<Line> parse(String text, List<RowProblem> problems) {
        List<Line> lines = new ArrayList<>();
        if (text == null || text.isBlank()) throw new DomainProblem(EnrollmentProblem.BATCH_EMPTY);
        String[] rows = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        List<String> header = cells(rows[0]).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int nik = header.indexOf("nik");
        int kpj = header.indexOf("kpj");
        int status = header.indexOf("status");
        int reason = header.indexOf("reason");
        boolean simple = header.equals(List.of("nik", "kpj"));
        boolean full = nik >= 0 && status >= 0 && reason >= 0 && header.size() == (kpj >= 0 ? 4 : 3);
        if (!simple && !full) throw new DomainProblem(EnrollmentProblem.BATCH_HEADER, Map.of("field", "file"));
        if (rows.length - 1 > MAX_ROWS + 1) throw new DomainProblem(EnrollmentProblem.BATCH_TOO_LARGE, Map.of("field", "file"), MAX_ROWS);
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) continue;
            int row = i + 1;
            List<String> c = cells(rows[i]);
            if (c.size() != header.size()) {
                problems.add(new RowProblem(row, "", EnrollmentProblem.BATCH_COLUMNS));
                lines.add(new Line(row, null, null, false, null));
                continue;
            }
            String n = Nik.normalize(c.get(nik));
            boolean nikOk = n.matches("[0-9]{16}");
            if (!nikOk) problems.add(new RowProblem(row, "nik", EnrollmentProblem.NIK_FORMAT));
            boolean accepted = simple || c.get(status).strip().equalsIgnoreCase("DITERIMA");
            if (full && !accepted && !c.get(status).strip().equalsIgnoreCase("DITOLAK")) {
                problems.add(new RowProblem(row, "status", EnrollmentProblem.BATCH_STATUS));
            }
            String k = kpj >= 0 ? WorkerLifecycle.normalizeKpj(c.get(kpj)) : "";
            String kpjValue = null;
            if (accepted) {
                if (k.isEmpty()) problems.add(new RowProblem(row, "kpj", EnrollmentProblem.REQUIRED));
                else if (!lifecycle.isWellFormedKpj(k)) problems.add(new RowProblem(row, "kpj", EnrollmentProblem.KPJ_FORMAT));
                else kpjValue = k;
            }
            String why = full ? c.get(reason).strip() : null;
            if (full && !accepted && why.isEmpty()) problems.add(new RowProblem(row, "reason", EnrollmentProblem.REQUIRED));
            if (why != null && why.length() > 200) why = why.substring(0, 200);
            lines.add(new Line(row, nikOk ? n : null, kpjValue, accepted, why));
        }
        return lines;
    }

    /** The cells of a CSV line; double quotes around a cell are removed, "" is a quote. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.add(cell.toString().strip()); cell.setLength(0); }
            else cell.append(ch);
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** A CSV cell, quoted if needed, and never read as a formula by a spreadsheet. */
    private static String cell(String text) {
        String t = text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) t = "'" + t;
        return t.matches(".*[\",\r\n].*") || !t.equals(text) ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
