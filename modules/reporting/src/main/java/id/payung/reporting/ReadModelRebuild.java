package id.payung.reporting;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.Reports.RebuildResult;
import id.payung.reporting.internal.Projector;
import id.payung.reporting.persistence.DashboardRows;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a pemda's read models from the modules' published APIs: registry facts and OPDs from tenancy,
 * every worker's status, village, occupation and cover start from enrollment's {@code WorkerFacts}
 * (adding, correcting or removing workers), program names from sponsorship's {@code FundingPrograms},
 * every claim's state and money from claims' {@code ClaimFacts}, then sums every counter again from the
 * rows. A missed or mangled worker or claim event is repaired this way. Fundings, payments and deduction
 * lists are kept as their events recorded them: sponsorship publishes no snapshot of them (docs/adr/0011).
 * BPJS staff rebuild the pemda of their office; the national office and the system rebuild all.
 */
@Service
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final Projector projector;
    private final DashboardRows rows;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final TenantAdministration tenants;
    private final CoverageDashboards dashboards;

    ReadModelRebuild(Projector projector, DashboardRows rows, TenantTransactions transactions, CurrentActor currentActor,
                     AuditTrail audit, TenantAdministration tenants, CoverageDashboards dashboards) {
        this.projector = projector;
        this.rows = rows;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.tenants = tenants;
        this.dashboards = dashboards;
    }

    public RebuildResult rebuild(TenantId tenant) {
        Actor actor = currentActor.get();
        actor.requireAnyOf(Role.BPJS_STAFF);
        // refuses a pemda outside the caller's office (or unknown) before anything runs
        tenants.get(tenant);
        long start = System.nanoTime();
        var resync = SystemWork.call("reporting-rebuild", () -> {
            var result = projector.resyncWorkers(tenant);
            projector.recomputeCounters(tenant);
            return result;
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        return transactions.inTenant(tenant, () -> {
            var summary = rows.summary(tenant).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("workersSeen", resync.workersSeen());
            details.put("workersCorrected", resync.workersChanged());
            details.put("workersRemoved", resync.workersRemoved());
            details.put("millis", millis);
            audit.record("reporting.rebuilt", "read-models", tenant, details);
            return new RebuildResult(tenant.value(), resync.workersSeen(), resync.workersChanged(), resync.workersRemoved(),
                    summary.covered(), summary.workersTotal(), millis);
        });
    }

    /** Every pemda onboarded, one after the other (the national office, the system, the CLI runner). */
    public List<RebuildResult> rebuildAll() {
        currentActor.get();
        if (!dashboards.maySeeNational()) throw new DomainProblem(ReportingProblem.NATIONAL_VIEW_FORBIDDEN);
        List<TenantId> all = SystemWork.call("reporting-rebuild", () -> {
            List<TenantId> ids = new ArrayList<>();
            int page = 0;
            while (true) {
                Page<Tenant> found = tenants.list(null, null, PageRequest.of(page++, PageRequest.MAX_SIZE));
                found.items().forEach(t -> ids.add(t.id()));
                if (!found.hasNext()) return ids;
            }
        });
        List<RebuildResult> results = new ArrayList<>();
        for (TenantId tenant : all) {
            RebuildResult result = rebuild(tenant);
            log.info("Rebuilt the read models of pemda {}: {} workers seen, {} corrected, {} removed, in {} ms",
                    tenant, result.workersSeen(), result.workersCorrected(), result.workersRemoved(), result.millis());
            results.add(result);
        }
        return results;
    }
}
