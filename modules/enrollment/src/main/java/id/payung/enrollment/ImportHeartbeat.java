package id.payung.enrollment;

import id.payung.enrollment.WorkerImports.Mode;
import id.payung.enrollment.WorkerImports.Status;
import id.payung.enrollment.persistence.ImportRows;
import id.payung.enrollment.persistence.ImportRows.JobRow;
import id.payung.platform.AuditTrail;
import id.payung.platform.PageRequest;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An import runs in the memory of the instance that received the upload; a restart (or a crash) cuts it
 * off. Each instance beats the heart of the imports it holds, queued or running, every few seconds. At
 * start-up, and once more when the previous life's last beats have grown old, every RUNNING import whose
 * heart stopped is marked FAILED, saying what was stored: nothing for all-or-nothing (its one transaction
 * never committed), the workers of the batches already committed for keep-good-rows. Uploading the file
 * again is safe either way: stored workers count as already registered.
 */
@Component
class ImportHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(ImportHeartbeat.class);

    private final WorkerImports imports;
    private final ImportRows rows;
    private final TenantAdministration tenants;
    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Duration beat;
    private final Duration silence;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("worker-import-heartbeat").daemon().factory());

    ImportHeartbeat(WorkerImports imports, ImportRows rows, TenantAdministration tenants, TenantTransactions transactions,
                    AuditTrail audit, MessageSource messages,
                    @Value("${payung.enrollment.import.heartbeat:PT10S}") Duration beat,
                    @Value("${payung.enrollment.import.silence-before-failed:PT1M}") Duration silence) {
        this.imports = imports;
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.messages = messages;
        this.beat = beat;
        this.silence = silence;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startBeating() {
        timer.execute(this::failSilentSafely);
        timer.scheduleWithFixedDelay(this::beatSafely, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
        // Imports this instance ran before a quick restart beat until a moment ago: look again once they are old.
        timer.schedule(this::failSilentSafely, silence.plus(beat).toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Beats the heart of every import this instance holds. */
    void beat() {
        Map<TenantId, List<UUID>> byTenant = new HashMap<>();
        imports.held().forEach((id, tenant) -> byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(id));
        SystemWork.run("worker-import-heartbeat", () -> byTenant.forEach((tenant, ids) ->
                transactions.inTenant(tenant, () -> rows.beat(tenant, ids))));
    }

    /**
     * Marks FAILED every RUNNING import, in every pemda, whose heart has not beaten for the configured
     * silence; answers how many.
     */
    int failSilent() {
        return failSilentSince(OffsetDateTime.now().minus(silence));
    }

    /** Marks FAILED every RUNNING import whose last heartbeat is before the given time, except those this instance holds. */
    int failSilentSince(OffsetDateTime before) {
        return SystemWork.call("worker-import-restart", () -> {
            int failed = 0;
            PageRequest page = new PageRequest(0, PageRequest.MAX_SIZE);
            while (true) {
                var tenantsPage = tenants.list(null, null, page);
                for (Tenant tenant : tenantsPage.items()) failed += failSilent(tenant.id(), before);
                if (!tenantsPage.hasNext()) return failed;
                page = new PageRequest(page.page() + 1, page.size());
            }
        });
    }

    private int failSilent(TenantId tenant, OffsetDateTime before) {
        Map<UUID, TenantId> held = imports.held();
        return transactions.inTenant(tenant, () -> {
            int failed = 0;
            for (JobRow job : rows.runningSilentSince(tenant, before)) {
                if (held.containsKey(job.id())) continue;
                boolean nothingStored = Mode.valueOf(job.mode()) == Mode.ALL_OR_NOTHING || job.rowsStored() == 0;
                String reason = nothingStored
                        ? messages.getMessage("imports.interrupted.nothing-stored", null, WorkerImports.REPORT_LOCALE)
                        : messages.getMessage("imports.interrupted.partly-stored", new Object[]{job.rowsStored()}, WorkerImports.REPORT_LOCALE);
                Integer stored = Mode.valueOf(job.mode()) == Mode.ALL_OR_NOTHING ? Integer.valueOf(0) : null;
                if (rows.finish(tenant, job.id(), Status.FAILED.name(), stored, stored, reason)) {
                    audit.record("worker-import.interrupted", "worker-import", job.id(),
                            Map.of("stored", nothingStored ? 0 : job.rowsStored(), "lastHeartbeat", String.valueOf(job.heartbeatAt())));
                    failed++;
                }
            }
            return failed;
        });
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("Could not beat the heart of the running imports", e);
        }
    }

    private void failSilentSafely() {
        try {
            int failed = failSilent();
            if (failed > 0) log.info("Marked {} interrupted worker import(s) as failed", failed);
        } catch (RuntimeException e) {
            log.warn("Could not look for interrupted worker imports", e);
        }
    }
}
