package id.payung.enrollment;

import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.enrollment.persistence.ImportRows;
import id.payung.enrollment.persistence.ImportRows.JobRow;
import id.payung.enrollment.persistence.ImportRows.Rejection;
import id.payung.enrollment.persistence.ImportBatch;
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
import id.payung.platform.TimeOrderedIds;
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
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk import of workers from a CSV or XLSX file (an APBD cohort: up to a million rows). The file is copied
 * to a temporary file (refused past the size limit), its type, encoding, header and row count checked at
 * once, and the rows read in the background: each row is judged by the same {@link WorkerValidator} as a
 * single registration while another thread stores the previous batches, each batch with one statement
 * that claims the national memberships and inserts the workers, their heir and history from column arrays
 * ({@code INSERT ... SELECT ... FROM unnest(...) ON CONFLICT DO NOTHING}): a NIK already registered in this
 * pemda is skipped as existing, a NIK held by another pemda is rejected. With {@link Mode#ALL_OR_NOTHING}
 * every batch goes into one transaction, rolled back at the first bad row; with {@link Mode#KEEP_GOOD_ROWS}
 * each batch commits with its counts. Neither the file nor its rows are ever held in memory whole.
 */
@Service
public class WorkerImports {

    /** The columns of an import file, in this order (documented on the import page and in the API). */
    public static final List<String> HEADER = List.of("nik", "nama", "tanggal_lahir", "jenis_kelamin", "alamat",
            "kode_desa", "telepon", "pekerjaan", "tingkat_penghasilan", "ahli_waris_nama", "ahli_waris_hubungan",
            "ahli_waris_nik");
    static final Role[] MAY_IMPORT = {Role.DISNAKER_OPERATOR, Role.BPJS_STAFF};
    static final Locale REPORT_LOCALE = Locale.forLanguageTag("id");
    /** Batches read ahead of the writer: bounds the memory an import holds (a few batches of rows). */
    private static final int QUEUE_DEPTH = 3;
    private static final Logger log = LoggerFactory.getLogger(WorkerImports.class);

    public enum Mode { KEEP_GOOD_ROWS, ALL_OR_NOTHING }

    public enum Status { RUNNING, COMPLETED, NOTHING_STORED, FAILED }

    enum FileKind { CSV, XLSX }

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
    private final int maxXlsxRows;
    private final int batchSize;
    private final int parallelWriters;
    private final ExecutorService jobs;
    private final ExecutorService writers = Executors.newCachedThreadPool(Thread.ofPlatform().name("worker-import-writer-", 1).daemon().factory());
    /** The imports this instance holds (queued or running), by id: their heartbeat is kept up (see ImportHeartbeat). */
    private final Map<UUID, TenantId> held = new ConcurrentHashMap<>();

    WorkerImports(ImportRows rows, WorkerValidator validator, NikFingerprint fingerprint, TenantAdministration tenants,
                  TenantTransactions transactions, CurrentActor currentActor, AuditTrail audit,
                  ApplicationEventPublisher events, MessageSource messages,
                  @Value("${payung.enrollment.import.max-bytes:209715200}") long maxBytes,
                  @Value("${payung.enrollment.import.max-rows:1000000}") int maxRows,
                  @Value("${payung.enrollment.import.xlsx-max-rows:200000}") int maxXlsxRows,
                  @Value("${payung.enrollment.import.batch-size:5000}") int batchSize,
                  @Value("${payung.enrollment.import.concurrent-imports:2}") int concurrentImports,
                  @Value("${payung.enrollment.import.parallel-writers:2}") int parallelWriters) {
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
        this.maxXlsxRows = Math.min(maxXlsxRows, maxRows);
        this.batchSize = batchSize;
        this.parallelWriters = Math.max(1, parallelWriters);
        this.jobs = Executors.newFixedThreadPool(concurrentImports, Thread.ofPlatform().name("worker-import-", 1).daemon().factory());
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
        writers.shutdownNow();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    public int maxXlsxRows() {
        return maxXlsxRows;
    }

    /** The imports this instance holds now, queued or running, with their tenant. */
    Map<UUID, TenantId> held() {
        return Map.copyOf(held);
    }

    /**
     * Checks the file (type, size, encoding, header and number of rows) and starts its import in the
     * background. Refuses a bad file before anything is stored.
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
        FileKind kind;
        if (lower.endsWith(".xlsx")) kind = FileKind.XLSX;
        else if (lower.endsWith(".xls")) throw new DomainProblem(EnrollmentProblem.IMPORT_XLS_OLD_FORMAT, Map.of("field", "file"));
        else if (lower.endsWith(".csv") || lower.endsWith(".txt")) kind = FileKind.CSV;
        else throw new DomainProblem(EnrollmentProblem.IMPORT_FILE_TYPE, Map.of("field", "file"));
        transactions.readInTenant(tenant, () -> tenants.requireWritable(tenant));
        Path file = copyWithinLimit(content);
        try {
            checkFile(kind, file);
            UUID id = UUID.randomUUID();
            String storedName = name;
            transactions.inTenant(tenant, () -> {
                tenants.requireWritable(tenant);
                rows.createJob(tenant, id, storedName, mode.name(), actor.subject(), actor.displayName());
                audit.record("worker-import.started", "worker-import", id, Map.of("mode", mode.name(), "type", kind.name()));
            });
            held.put(id, tenant);
            Future<?> work = jobs.submit(() -> SystemWork.callAs(actor, () -> {
                run(tenant, id, kind, file, mode, actor);
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

    /** What the reading thread hands the writing thread: a batch of valid rows, the end, or a stop. */
    private record Handoff(ImportBatch rows, int rejected, boolean end, boolean abort) {
        static final Handoff END = new Handoff(null, 0, true, false);
        static final Handoff ABORT = new Handoff(null, 0, false, true);
    }

    /** Where an import's time went, logged when it ends (no personal data): reading and judging, recording, waiting, storing. */
    private static final class Timings {
        final long start = System.nanoTime();
        final AtomicLong judging = new AtomicLong();
        final AtomicLong recording = new AtomicLong();
        final AtomicLong handing = new AtomicLong();
        final AtomicLong storing = new AtomicLong();
        final AtomicLong committing = new AtomicLong();

        static long since(long t0) {
            return System.nanoTime() - t0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s (reader: judging %.1f s, recording %.1f s, waiting for the writer %.1f s; writer: storing %.1f s, committing %.1f s)",
                    since(start) / 1e9, judging.get() / 1e9, recording.get() / 1e9, handing.get() / 1e9, storing.get() / 1e9, committing.get() / 1e9);
        }
    }

    /** Rolls back the one transaction of an all-or-nothing import. */
    private static final class NothingStored extends RuntimeException {
        NothingStored() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads and judges the rows on this thread while another thread writes the previous batches: each batch's
     * rejections and counts are recorded at once (they survive an all-or-nothing roll-back), its valid rows
     * handed over through a short queue, so that no more than a few batches are ever in memory.
     */
    private void run(TenantId tenant, UUID id, FileKind kind, Path file, Mode mode, Actor actor) {
        BlockingQueue<Handoff> queue = new ArrayBlockingQueue<>(QUEUE_DEPTH);
        Future<?> writing = null;
        Timings timings = new Timings();
        try {
            LocalDate today = Nik.today();
            Tenant pemda = transactions.readInTenant(tenant, () -> tenants.requireWritable(tenant));
            WorkerValidator.Lookups lookups = transactions.readInTenant(tenant,
                    () -> validator.cached(today, work -> transactions.readInTenant(tenant, work)));
            writing = writers.submit(() -> SystemWork.callAs(actor, () -> {
                if (mode == Mode.ALL_OR_NOTHING) writeAllOrNothing(tenant, id, actor, queue, timings);
                else writeKeepingGoodRows(tenant, id, actor, queue, timings);
                return null;
            }));
            read(tenant, id, kind, file, pemda, lookups, queue, writing, timings);
            writing.get();
            log.info("Worker import {} ({}, {}) ended in {}", id, kind, mode, timings);
        } catch (DomainProblem problem) {
            stop(queue, writing);
            fail(tenant, id, mode, message(problem.type(), problem.arguments()));
        } catch (ExecutionException e) {
            log.error("Worker import {} failed while storing", id, e.getCause());
            fail(tenant, id, mode, messages.getMessage("imports.failed.internal", null, REPORT_LOCALE));
        } catch (Exception e) {
            log.error("Worker import {} failed", id, e);
            stop(queue, writing);
            fail(tenant, id, mode, messages.getMessage("imports.failed.internal", null, REPORT_LOCALE));
        } finally {
            delete(file);
            held.remove(id);
        }
    }

    private void read(TenantId tenant, UUID id, FileKind kind, Path file, Tenant pemda, WorkerValidator.Lookups lookups,
                      BlockingQueue<Handoff> queue, Future<?> writing, Timings timings) throws Exception {
        NikSet seen = new NikSet();
        NikFingerprint.Hasher hasher = fingerprint.hasher();
        String duplicate = message(EnrollmentProblem.IMPORT_DUPLICATE_IN_FILE, new Object[0]);
        try (ImportSource source = open(kind, file)) {
            source.next(); // the header, checked before the job started
            int rowCount = 0;
            ImportBatch batch = new ImportBatch(batchSize);
            List<Rejection> rejections = new ArrayList<>();
            int read = 0;
            int rejected = 0;
            while (true) {
                long t0 = System.nanoTime();
                List<String> cells = source.next();
                if (cells != null) {
                    rowCount++;
                    if (rowCount > maxRows) throw new DomainProblem(EnrollmentProblem.IMPORT_TOO_MANY_ROWS, maxRows);
                    read++;
                    // Reported as the line of the file: the row a spreadsheet shows (the header is row 1).
                    int rowNo = source.recordLine();
                    int before = rejections.size();
                    judge(pemda, lookups, hasher, seen, duplicate, rowNo, cells, source.cellProblems(), batch, rejections);
                    if (rejections.size() > before) rejected++;
                }
                timings.judging.addAndGet(Timings.since(t0));
                if (read == batchSize || (cells == null && read > 0)) {
                    int valid = batch.size();
                    int rejectedRows = rejected;
                    int readRows = read;
                    List<Rejection> batchRejections = rejections;
                    long t1 = System.nanoTime();
                    transactions.inTenant(tenant, () -> {
                        rows.reject(tenant, id, batchRejections);
                        rows.addProgress(tenant, id, readRows, valid, rejectedRows);
                    });
                    long t2 = System.nanoTime();
                    timings.recording.addAndGet(t2 - t1);
                    hand(queue, new Handoff(batch, rejected, false, false), writing);
                    timings.handing.addAndGet(Timings.since(t2));
                    batch = new ImportBatch(batchSize);
                    rejections = new ArrayList<>();
                    read = 0;
                    rejected = 0;
                }
                if (cells == null) break;
            }
        }
        hand(queue, Handoff.END, writing);
    }

    /** Judges one row by the rules of single registration; a valid row joins the batch, a bad one the report. */
    private void judge(Tenant pemda, WorkerValidator.Lookups lookups, NikFingerprint.Hasher hasher, NikSet seen, String duplicate,
                       int rowNo, List<String> cells, List<ImportSource.CellProblem> cellProblems, ImportBatch batch,
                       List<Rejection> rejections) {
        if (cells.size() != HEADER.size()) {
            rejections.add(new Rejection(rowNo, 1, "-", message(EnrollmentProblem.IMPORT_ROW_CELLS, new Object[]{cells.size(), HEADER.size()})));
            return;
        }
        if (!cellProblems.isEmpty()) {
            int position = 1;
            for (var p : cellProblems) rejections.add(new Rejection(rowNo, position++, HEADER.get(p.column()), message(p.type(), p.arguments())));
            return;
        }
        Application application = new Application(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4),
                cells.get(5), cells.get(6), cells.get(7), cells.get(8),
                List.of(new HeirDetails(cells.get(9), cells.get(10), cells.get(11))));
        WorkerValidator.Valid v;
        try {
            v = validator.validate(pemda, application, lookups);
        } catch (InvalidInput invalid) {
            int position = 1;
            for (var p : invalid.fieldProblems()) {
                rejections.add(new Rejection(rowNo, position++, column(p.field()), message(p.type(), p.arguments().toArray())));
            }
            return;
        }
        if (!seen.add(v.nik().value())) {
            rejections.add(new Rejection(rowNo, 1, "nik", duplicate));
            return;
        }
        Heir heir = v.heirs().getFirst();
        batch.add(rowNo, TimeOrderedIds.next(), v.nik().value(), hasher.of(v.nik()), v.name(),
                v.nik().birthDate().toString(), v.nik().sex().name(), v.address(), v.village().value(), v.phone(),
                v.occupation(), v.incomeLevel(), heir.name(), heir.relationship().name(), heir.nik());
    }

    /** Hands a batch to the writer, unless the writer has stopped (then its failure surfaces here). */
    private static void hand(BlockingQueue<Handoff> queue, Handoff handoff, Future<?> writing) throws Exception {
        while (!queue.offer(handoff, 1, TimeUnit.SECONDS)) {
            if (writing.isDone()) {
                writing.get();
                throw new IllegalStateException("The import's writer stopped before the end of the file");
            }
        }
    }

    private static void stop(BlockingQueue<Handoff> queue, Future<?> writing) {
        if (writing == null) return;
        try {
            while (!writing.isDone() && !queue.offer(Handoff.ABORT, 1, TimeUnit.SECONDS)) {
                // the writer is busy with a batch; it will take the stop next
            }
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("The writer of a stopped import failed too", e.getCause());
        }
    }

    private static Handoff take(BlockingQueue<Handoff> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        }
    }

    /**
     * Keep good rows: every batch is stored and counted in its own transaction, so what is stored is always
     * what is counted. Batches are independent here (the reader already dropped repeated NIKs), so several
     * writers store them side by side, each on its own connection; the job is finished once all are done.
     */
    private void writeKeepingGoodRows(TenantId tenant, UUID id, Actor actor, BlockingQueue<Handoff> queue, Timings timings) {
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<Boolean>> helpers = new ArrayList<>();
        for (int i = 1; i < parallelWriters; i++) {
            helpers.add(writers.submit(() -> SystemWork.callAs(actor, () -> storeBatches(tenant, id, actor, queue, timings, stopped))));
        }
        boolean ended = storeBatches(tenant, id, actor, queue, timings, stopped);
        for (Future<Boolean> helper : helpers) {
            try {
                ended &= helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (!ended) return;
        transactions.inTenant(tenant, () -> {
            JobRow job = rows.job(tenant, id).orElseThrow();
            if (!rows.finish(tenant, id, Status.COMPLETED.name(), null, null, null)) {
                throw new IllegalStateException("Worker import " + id + " was no longer running");
            }
            audit.record("worker-import.completed", "worker-import", id,
                    Map.of("stored", job.rowsStored(), "existing", job.rowsExisting(), "rejected", job.rowsRejected()));
            events.publishEvent(new EnrollmentEvents.WorkersImported(tenant, id));
        });
    }

    /** Stores batches until the end (true) or a stop (false); leaves the end or stop in the queue for the other writers. */
    private boolean storeBatches(TenantId tenant, UUID id, Actor actor, BlockingQueue<Handoff> queue, Timings timings,
                                 AtomicBoolean stopped) {
        String elsewhere = message(EnrollmentProblem.REGISTERED_ELSEWHERE, new Object[0]);
        try {
            while (true) {
                Handoff next = queue.poll(1, TimeUnit.SECONDS);
                if (stopped.get()) return false;
                if (next == null) continue;
                if (next.abort() || next.end()) {
                    queue.offer(next); // there is room: nothing is handed after the end or a stop
                    return next.end();
                }
                long[] t1 = new long[1];
                long t0 = System.nanoTime();
                transactions.inTenant(tenant, () -> {
                    ImportRows.Stored stored = rows.store(tenant, id, next.rows(), actor.subject(), actor.displayName());
                    rows.reject(tenant, id, stored.heldElsewhereRowNos().stream().sorted().map(r -> new Rejection(r, 1, "nik", elsewhere)).toList());
                    rows.addStored(tenant, id, stored.stored() + stored.reRegistered(), stored.existing(), stored.heldElsewhereRowNos().size());
                    t1[0] = System.nanoTime();
                });
                timings.storing.addAndGet(t1[0] - t0);
                timings.committing.addAndGet(Timings.since(t1[0]));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
            throw new IllegalStateException("Import interrupted", e);
        } catch (RuntimeException e) {
            stopped.set(true);
            throw e;
        }
    }

    /**
     * All or nothing: every batch is stored in ONE transaction, committed at the end only if no row was bad
     * and no person is held by another pemda. At the first bad row it is rolled back; the rest of the file is
     * still read to report every bad row, and the national register only asked, not claimed.
     */
    private void writeAllOrNothing(TenantId tenant, UUID id, Actor actor, BlockingQueue<Handoff> queue, Timings timings) {
        List<Integer> heldElsewhere = new ArrayList<>();
        Handoff[] failedAt = new Handoff[1];
        boolean[] aborted = new boolean[1];
        long[] committingFrom = new long[1];
        try {
            transactions.inTenant(tenant, () -> {
                int stored = 0;
                int existing = 0;
                while (true) {
                    Handoff next = take(queue);
                    if (next.abort()) {
                        aborted[0] = true;
                        throw new NothingStored();
                    }
                    if (next.end()) break;
                    if (next.rejected() > 0) {
                        failedAt[0] = next;
                        throw new NothingStored();
                    }
                    long t0 = System.nanoTime();
                    ImportRows.Stored s = rows.store(tenant, id, next.rows(), actor.subject(), actor.displayName());
                    timings.storing.addAndGet(Timings.since(t0));
                    if (!s.heldElsewhereRowNos().isEmpty()) {
                        heldElsewhere.addAll(s.heldElsewhereRowNos());
                        throw new NothingStored();
                    }
                    stored += s.stored() + s.reRegistered();
                    existing += s.existing();
                }
                if (!rows.finish(tenant, id, Status.COMPLETED.name(), stored, existing, null)) {
                    throw new IllegalStateException("Worker import " + id + " was no longer running");
                }
                audit.record("worker-import.completed", "worker-import", id,
                        Map.of("stored", stored, "existing", existing, "rejected", 0));
                events.publishEvent(new EnrollmentEvents.WorkersImported(tenant, id));
                committingFrom[0] = System.nanoTime();
                return null;
            });
            timings.committing.addAndGet(Timings.since(committingFrom[0]));
            return;
        } catch (NothingStored rolledBack) {
            // nothing of this import is stored; finish the report below, unless the reader stopped (it says why)
            if (aborted[0]) return;
        }
        if (failedAt[0] != null) heldElsewhere.addAll(askElsewhere(tenant, failedAt[0].rows()));
        while (true) {
            Handoff next = take(queue);
            if (next.abort()) return;
            if (next.end()) break;
            heldElsewhere.addAll(askElsewhere(tenant, next.rows()));
        }
        String reason = message(EnrollmentProblem.REGISTERED_ELSEWHERE, new Object[0]);
        transactions.inTenant(tenant, () -> {
            rows.reject(tenant, id, heldElsewhere.stream().sorted().map(r -> new Rejection(r, 1, "nik", reason)).toList());
            rows.addStored(tenant, id, 0, 0, heldElsewhere.size());
            rows.finish(tenant, id, Status.NOTHING_STORED.name(), 0, 0, null);
            JobRow job = rows.job(tenant, id).orElseThrow();
            audit.record("worker-import.nothing-stored", "worker-import", id, Map.of("rejected", job.rowsRejected()));
        });
    }

    private List<Integer> askElsewhere(TenantId tenant, ImportBatch batch) {
        return transactions.readInTenant(tenant, () -> rows.heldElsewhere(batch));
    }

    /** The import stopped on a problem of the whole file or of the system; says what was stored. */
    private void fail(TenantId tenant, UUID id, Mode mode, String problem) {
        try {
            transactions.inTenant(tenant, () -> {
                int stored = rows.job(tenant, id).map(JobRow::rowsStored).orElse(0);
                String text = mode == Mode.ALL_OR_NOTHING || stored == 0
                        ? messages.getMessage("imports.failed.nothing-stored", new Object[]{problem}, REPORT_LOCALE)
                        : messages.getMessage("imports.failed.partly-stored", new Object[]{problem, stored}, REPORT_LOCALE);
                rows.finish(tenant, id, Status.FAILED.name(), mode == Mode.ALL_OR_NOTHING ? 0 : null,
                        mode == Mode.ALL_OR_NOTHING ? 0 : null, text.length() > 1000 ? text.substring(0, 1000) : text);
                audit.record("worker-import.failed", "worker-import", id, Map.of("stored", mode == Mode.ALL_OR_NOTHING ? 0 : stored));
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

    /** Refuses a file whose content is not what its name says, before anything starts. */
    private void checkFile(FileKind kind, Path file) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length); // a shorter file leaves zeros, which start no known type
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean xlsx = ImportXlsx.looksLikeXlsx(head);
        boolean xls = ImportXlsx.looksLikeXls(head);
        if (xls) throw new DomainProblem(EnrollmentProblem.IMPORT_XLS_OLD_FORMAT, Map.of("field", "file"));
        if (kind == FileKind.XLSX && !xlsx) throw new DomainProblem(EnrollmentProblem.IMPORT_NOT_XLSX, Map.of("field", "file"));
        if (kind == FileKind.CSV && xlsx) throw new DomainProblem(EnrollmentProblem.IMPORT_CSV_IS_XLSX, Map.of("field", "file"));
        if (kind == FileKind.CSV) checkUtf8AndLines(file);
        try (ImportSource source = open(kind, file)) {
            checkHeader(source.next());
            if (kind == FileKind.XLSX) {
                // Counted before anything starts, as the CSV's lines are: a file over the limit stores nothing.
                int count = 0;
                while (source.next() != null) {
                    if (++count > maxXlsxRows) {
                        throw new DomainProblem(EnrollmentProblem.IMPORT_XLSX_TOO_MANY_ROWS, Map.of("field", "file"), maxXlsxRows, maxRows);
                    }
                }
            }
        }
    }

    /** UTF-8 only; and a CSV with more records than the limit is refused here, not half-way. */
    private void checkUtf8AndLines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var scan = ImportCsv.scan(in);
            if (scan.firstNonUtf8Line() > 0) {
                throw new DomainProblem(EnrollmentProblem.IMPORT_ENCODING, Map.of("field", "file"), scan.firstNonUtf8Line());
            }
            // Records are at most the lines; only when the lines exceed the limit are the records counted.
            if (scan.mostRecords() > maxRows) {
                try (ImportCsv csv = new ImportCsv(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                    csv.next();
                    int count = 0;
                    while (csv.next() != null) {
                        if (++count > maxRows) throw new DomainProblem(EnrollmentProblem.IMPORT_TOO_MANY_ROWS, Map.of("field", "file"), maxRows);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportSource open(FileKind kind, Path file) {
        if (kind == FileKind.XLSX) return new ImportXlsx(file);
        try {
            return new ImportCsv(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkHeader(List<String> header) {
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
