package id.payung.enrollment;

import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.enrollment.persistence.ImportRows;
import id.payung.enrollment.persistence.ImportRows.JobRow;
import id.payung.enrollment.persistence.ImportRows.Rejection;
import id.payung.enrollment.persistence.ImportRows.Staged;
import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.ProblemType;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk import of workers from a CSV file (an APBD cohort: up to a million rows). The file is copied to
 * a temporary file (refused past the size limit), its header checked at once, and the rows read in the
 * background, one batch per short transaction: each row is judged by the same {@link WorkerValidator} as
 * a single registration; good rows go to a staging table, bad rows to the rejection report. At the end
 * one transaction claims the national memberships and moves the staged rows into the register with
 * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}: a NIK already in this pemda is skipped as existing,
 * a NIK held by another pemda is rejected. With {@link Mode#ALL_OR_NOTHING} a single bad row stores
 * nothing. Neither the file nor its rows are ever held in memory whole.
 */
@Service
public class WorkerImports {

    /** The columns of an import file, in this order (documented on the import page and in the API). */
    public static final List<String> HEADER = List.of("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat",
            "kode_desa", "telepon", "pekerjaan", "tingkat_penghasilan", "ahli_waris_nama", "ahli_waris_hubungan",
            "ahli_waris_nik");
    static final Role[] MAY_IMPORT = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    private static final Locale REPORT_LOCALE = Locale.forLanguageTag("id");
    private static final Logger log = LoggerFactory.getLogger(WorkerImports.class);

    public enum Mode { KEEP_GOOD_ROWS, ALL_OR_NOTHING }

    public enum Status { RUNNING, COMPLETED, NOTHING_STORED, FAILED }

    public record ImportJob(UUID id, String fileName, Mode mode, Status status, int rowsRead, int rowsValid,
                            int rowsRejected, int rowsStored, int rowsExisting, String problem,
                            OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        public boolean finished() {
            return status != Status.RUNNING;
        }
    }

    private final ImportRows rows;
    private final WorkerValidator validator;
    private final NikFingerprint fingerprint;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final long maxBytes;
    private final int maxRows;
    private final int batchSize;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("worker-import-", 1).daemon().factory());

    WorkerImports(ImportRows rows, WorkerValidator validator, NikFingerprint fingerprint, TenantAdministration tenants,
                  TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                  ApplicationEventPublisher events, MessageSource messages,
                  @Value("${payung.enrollment.import.max-bytes:209715200}") long maxBytes,
                  @Value("${payung.enrollment.import.max-rows:1000000}") int maxRows,
                  @Value("${payung.enrollment.import.batch-size:2000}") int batchSize) {
        this.rows = rows;
        this.validator = validator;
        this.fingerprint = fingerprint;
        this.tenants = tenants;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.batchSize = batchSize;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * Checks the file (type, size, encoding and header) and starts its import in the background. Refuses
     * a bad file before anything is stored.
     */
    public UUID start(TenantId tenant, String fileName, InputStream content, Mode mode) {
        return startJob(tenant, fileName, content, mode).id;
    }

    /** Like {@link #start} but answers the background work too: the bench and tests wait for it. */
    Started startJob(TenantId tenant, String fileName, InputStream content, Mode mode) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(MAY_IMPORT);
        if (mode == null) throw new DomainProblem(EnrollmentProblem.IMPORT_MODE_REQUIRED, Map.of("field", "mode"));
        String name = fileName == null || fileName.isBlank() ? "import.csv" : Path.of(fileName.strip()).getFileName().toString();
        if (name.length() > 255) name = name.substring(name.length() - 255);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            throw new DomainProblem(EnrollmentProblem.IMPORT_XLSX_NOT_SUPPORTED, Map.of("field", "file"));
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
            throw new DomainProblem(EnrollmentProblem.IMPORT_FILE_TYPE, Map.of("field", "file"));
        }
        transactions.readInTenant(tenant, () -> tenants.requireWritable(tenant));
        Path file = copyWithinLimit(content);
        try {
            checkHeader(file);
            UUID id = UUID.randomUUID();
            String storedName = name;
            transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                rows.createJob(tenant, id, storedName, mode.name(), actor.subject());
                audit.record("worker-import.started", "worker-import", id, Map.of("mode", mode.name()));
            });
            Future<?> work = executor.submit(() -> SystemWork.callAs(actor, () -> {
                run(tenant, id, file, mode, actor);
                return null;
            }));
            return new Started(id, work);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    record Started(UUID id, Future<?> work) {
    }

    public ImportJob get(TenantId tenant, UUID id) {
        currentActor.get().requireAnyOf(MAY_IMPORT);
        return transactions.readInTenant(tenant, () -> rows.job(tenant, id))
                .map(WorkerImports::toJob)
                .orElseThrow(() -> new DomainProblem(EnrollmentProblem.IMPORT_NOT_FOUND));
    }

    public List<ImportJob> recent(TenantId tenant) {
        currentActor.get().requireAnyOf(MAY_IMPORT);
        return transactions.readInTenant(tenant, () -> rows.recentJobs(tenant, 20)).stream().map(WorkerImports::toJob).toList();
    }

    /**
     * Writes the report of every rejected row as CSV (baris, kolom, alasan). Reasons never repeat a NIK;
     * nothing in it starts like a spreadsheet formula.
     */
    public void writeRejections(TenantId tenant, UUID id, Writer out) {
        get(tenant, id);
        transactions.readInTenant(tenant, () -> {
            try {
                out.write("baris,kolom,alasan\r\n");
                rows.eachRejection(tenant, id, r -> {
                    try {
                        out.write(r.rowNo() + "," + ImportCsv.csvCell(r.column()) + "," + ImportCsv.csvCell(r.reason()) + "\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    // --- the background work ---------------------------------------------------------------------------

    private void run(TenantId tenant, UUID id, Path file, Mode mode, Actor actor) {
        try (ImportCsv csv = new ImportCsv(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            csv.next(); // the header, checked before the job started
            LocalDate today = Nik.today();
            Tenant pemda = transactions.readInTenant(tenant, () -> tenants.requireWritable(tenant));
            WorkerValidator.Lookups lookups = transactions.readInTenant(tenant, () -> validator.cached(today));
            int rowNo = 0;
            List<List<String>> batch = new ArrayList<>(batchSize);
            List<Integer> lines = new ArrayList<>(batchSize);
            while (true) {
                List<String> cells = csv.next();
                if (cells != null) {
                    rowNo++;
                    if (rowNo > maxRows) throw new DomainProblem(EnrollmentProblem.IMPORT_TOO_MANY_ROWS, maxRows);
                    batch.add(cells);
                    // Reported as the line of the file: the row a spreadsheet shows (the header is row 1).
                    lines.add(csv.recordLine());
                }
                if (batch.size() >= batchSize || (cells == null && !batch.isEmpty())) {
                    processBatch(tenant, id, pemda, lookups, batch, lines);
                    batch.clear();
                    lines.clear();
                }
                if (cells == null) break;
            }
            finish(tenant, id, mode, actor);
        } catch (DomainProblem problem) {
            fail(tenant, id, message(problem.type(), problem.arguments()));
        } catch (Exception e) {
            log.error("Worker import {} failed", id, e);
            fail(tenant, id, message(null, null));
        } finally {
            delete(file);
        }
    }

    /** Judges a batch of rows and stages the good ones, in one short transaction. */
    private void processBatch(TenantId tenant, UUID id, Tenant pemda, WorkerValidator.Lookups lookups,
                              List<List<String>> batch, List<Integer> rowNos) {
        transactions.inTenant(tenant, () -> {
            List<Staged> staged = new ArrayList<>(batch.size());
            List<Rejection> rejections = new ArrayList<>();
            int rejected = 0;
            for (int i = 0; i < batch.size(); i++) {
                List<String> cells = batch.get(i);
                int rowNo = rowNos.get(i);
                if (cells.size() != HEADER.size()) {
                    rejections.add(new Rejection(rowNo, 1, "-", message(EnrollmentProblem.IMPORT_ROW_CELLS, new Object[]{cells.size(), HEADER.size()})));
                    rejected++;
                    continue;
                }
                Application application = new Application(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4),
                        cells.get(5), cells.get(6), cells.get(7), cells.get(8),
                        List.of(new HeirDetails(cells.get(9), cells.get(10), cells.get(11))));
                try {
                    WorkerValidator.Valid v = validator.validate(pemda, application, lookups);
                    Heir heir = v.heirs().getFirst();
                    staged.add(new Staged(rowNo, UUID.randomUUID(), v.nik().value(), fingerprint.of(v.nik()), v.name(),
                            v.nik().birthDate(), v.nik().sex().name(), v.address(), v.village().value(), v.phone(),
                            v.occupation(), v.incomeLevel(), heir.name(), heir.relationship().name(), heir.nik()));
                } catch (InvalidInput invalid) {
                    int position = 1;
                    for (var p : invalid.fieldProblems()) {
                        rejections.add(new Rejection(rowNo, position++, column(p.field()), message(p.type(), p.arguments().toArray())));
                    }
                    rejected++;
                }
            }
            Set<Integer> duplicates = rows.stage(tenant, id, staged);
            for (int rowNo : duplicates) {
                rejections.add(new Rejection(rowNo, 1, "nik", message(EnrollmentProblem.IMPORT_DUPLICATE_IN_FILE, new Object[0])));
            }
            rejections.sort((a, b) -> a.rowNo() != b.rowNo() ? Integer.compare(a.rowNo(), b.rowNo()) : Integer.compare(a.position(), b.position()));
            rows.reject(tenant, id, rejections);
            rows.addProgress(tenant, id, batch.size(), staged.size() - duplicates.size(), rejected + duplicates.size());
        });
    }

    /** Stores the staged rows in one transaction, or nothing. */
    private void finish(TenantId tenant, UUID id, Mode mode, Actor actor) {
        transactions.inTenant(tenant, () -> {
            JobRow job = rows.job(tenant, id).orElseThrow();
            if (mode == Mode.ALL_OR_NOTHING && job.rowsRejected() > 0) {
                rows.dropStaged(tenant, id);
                rows.finish(tenant, id, Status.NOTHING_STORED.name(), 0, 0, 0, 0, null);
                audit.record("worker-import.nothing-stored", "worker-import", id, Map.of("rejected", job.rowsRejected()));
                return;
            }
            List<Integer> elsewhere = rows.heldElsewhere(id, mode == Mode.KEEP_GOOD_ROWS);
            if (!elsewhere.isEmpty()) {
                String reason = message(EnrollmentProblem.REGISTERED_ELSEWHERE, new Object[0]);
                List<Rejection> rejections = new ArrayList<>(elsewhere.size());
                for (int rowNo : elsewhere.stream().sorted().toList()) rejections.add(new Rejection(rowNo, 1, "nik", reason));
                rows.reject(tenant, id, rejections);
                if (mode == Mode.ALL_OR_NOTHING) {
                    rows.dropStaged(tenant, id);
                    rows.finish(tenant, id, Status.NOTHING_STORED.name(), -elsewhere.size(), elsewhere.size(), 0, 0, null);
                    audit.record("worker-import.nothing-stored", "worker-import", id, Map.of("rejected", elsewhere.size()));
                    return;
                }
            } else if (mode == Mode.ALL_OR_NOTHING) {
                elsewhere = rows.heldElsewhere(id, true);
                if (!elsewhere.isEmpty()) {
                    // Claimed by another pemda a moment ago: roll back and let the report say so.
                    throw new DomainProblem(EnrollmentProblem.REGISTERED_ELSEWHERE);
                }
            }
            int valid = job.rowsValid() - elsewhere.size();
            int stored = rows.storeStaged(tenant, id, actor.subject(), actor.displayName());
            rows.dropStaged(tenant, id);
            rows.finish(tenant, id, Status.COMPLETED.name(), -elsewhere.size(), elsewhere.size(), stored, valid - stored, null);
            audit.record("worker-import.completed", "worker-import", id,
                    Map.of("stored", stored, "existing", valid - stored, "rejected", job.rowsRejected() + elsewhere.size()));
            events.publishEvent(new EnrollmentEvents.WorkersImported(tenant, id));
        });
    }

    private void fail(TenantId tenant, UUID id, String problem) {
        try {
            transactions.inTenant(tenant, () -> {
                rows.dropStaged(tenant, id);
                rows.finish(tenant, id, Status.FAILED.name(), 0, 0, 0, 0, problem);
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failure of worker import {}", id, e);
        }
    }

    // --- the file ----------------------------------------------------------------------------------------

    private Path copyWithinLimit(InputStream content) {
        Path file = null;
        try {
            file = Files.createTempFile("payung-import-", ".csv");
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw new DomainProblem(EnrollmentProblem.IMPORT_TOO_LARGE, Map.of("field", "file"), Math.max(1, maxBytes / (1024 * 1024)));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private void checkHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int badLine = ImportCsv.firstNonUtf8Line(in);
            if (badLine > 0) throw new DomainProblem(EnrollmentProblem.IMPORT_ENCODING, Map.of("field", "file"), badLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ImportCsv csv = new ImportCsv(new BufferedInputStream(Files.newInputStream(file)))) {
            List<String> header = csv.next();
            if (header == null) throw new DomainProblem(EnrollmentProblem.IMPORT_EMPTY, Map.of("field", "file"));
            String expected = String.join(",", HEADER);
            for (int i = 0; i < Math.max(header.size(), HEADER.size()); i++) {
                String want = i < HEADER.size() ? HEADER.get(i) : "";
                String got = i < header.size() ? header.get(i).strip().toLowerCase(Locale.ROOT) : "";
                if (!want.equals(got)) {
                    String shown = got.length() > 40 ? got.substring(0, 40) + "…" : got;
                    throw new DomainProblem(EnrollmentProblem.IMPORT_HEADER, Map.of("field", "file"), expected, i + 1,
                            want, ImportCsv.neutralised(shown));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    private String message(ProblemType type, Object[] arguments) {
        if (type == null) return "Kesalahan internal; impor dihentikan, tidak ada yang disimpan.";
        return messages.getMessage("problem." + type.slug() + ".detail", arguments, type.slug(), REPORT_LOCALE);
    }

    private static String column(String field) {
        return switch (field) {
            case "nik" -> "nik";
            case "name" -> "nama";
            case "birthDate" -> "tanggal_lahir";
            case "sex" -> "jenis_kelamin";
            case "address" -> "alamat";
            case "villageCode" -> "kode_desa";
            case "phone" -> "telepon";
            case "occupationCode" -> "pekerjaan";
            case "incomeLevelCode" -> "tingkat_penghasilan";
            case "heirs", "heirs[0].name" -> "ahli_waris_nama";
            case "heirs[0].relationship" -> "ahli_waris_hubungan";
            case "heirs[0].nik" -> "ahli_waris_nik";
            default -> field;
        };
    }

    private static ImportJob toJob(JobRow r) {
        return new ImportJob(r.id(), r.fileName(), Mode.valueOf(r.mode()), Status.valueOf(r.status()), r.rowsRead(), r.rowsValid(),
                r.rowsRejected(), r.rowsStored(), r.rowsExisting(), r.problem(), r.startedAt(), r.finishedAt());
    }
}
