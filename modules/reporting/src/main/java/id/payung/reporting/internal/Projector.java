package id.payung.reporting.internal;

import id.payung.claims.ClaimFacts;
import id.payung.claims.ClaimStatus;
import id.payung.claims.ClaimSummary;
import id.payung.enrollment.Occupation;
import id.payung.enrollment.WorkerFacts;
import id.payung.enrollment.WorkerProfile;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.RegionCode;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.Periods;
import id.payung.reporting.persistence.Contributions;
import id.payung.reporting.persistence.ProjectionRows;
import id.payung.reporting.persistence.ProjectionRows.ClaimRow;
import id.payung.reporting.persistence.ProjectionRows.FundingRow;
import id.payung.reporting.persistence.ProjectionRows.Label;
import id.payung.reporting.persistence.ProjectionRows.PemdaFactsRow;
import id.payung.reporting.persistence.ProjectionRows.WorkerFactsRow;
import id.payung.reporting.persistence.ProjectionRows.WorkerState;
import id.payung.reporting.persistence.SummaryLock;
import id.payung.sponsorship.FundingPrograms;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdId;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.Regions;
import id.payung.tenancy.Tenant;
import id.payung.tenancy.TenantAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies what the other modules announce to reporting's read models, one pemda transaction per event.
 * Every change of workers is state-based: the workers are locked, their contribution to the counters is
 * taken before and after the change and only the difference is added, so an event delivered twice (or a
 * change that is already true) adds nothing. Attributes the events do not carry come from the modules'
 * published APIs (enrollment's {@link WorkerFacts}, tenancy's registry, OPDs and regions).
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    static final int PAGE = 5_000;

    private final ProjectionRows rows;
    private final SummaryLock summaryLock;
    private final TenantTransactions transactions;
    private final WorkerFacts workerFacts;
    private final WorkerRegistration registration;
    private final TenantAdministration tenants;
    private final OpdRegistry opds;
    private final Regions regions;
    private final FundingPrograms programs;
    private final ClaimFacts claimFacts;
    private final Map<String, Occupation> occupations = new ConcurrentHashMap<>();

    Projector(ProjectionRows rows, SummaryLock summaryLock, TenantTransactions transactions, WorkerFacts workerFacts,
              WorkerRegistration registration, TenantAdministration tenants, OpdRegistry opds, Regions regions,
              FundingPrograms programs, ClaimFacts claimFacts) {
        this.programs = programs;
        this.claimFacts = claimFacts;
        this.rows = rows;
        this.summaryLock = summaryLock;
        this.transactions = transactions;
        this.workerFacts = workerFacts;
        this.registration = registration;
        this.tenants = tenants;
        this.opds = opds;
        this.regions = regions;
    }

    // ---- tenancy ---------------------------------------------------------------------------------------

    public void pemdaChanged(TenantId tenant) {
        inPemda(tenant, kind -> refreshPemdaFacts(tenant), true);
    }

    public void targetSet(TenantId tenant, BigDecimal targetPercent, Long potentialWorkers) {
        // coverage share and gap are computed when read, from the covered count and these two
        inPemda(tenant, kind -> rows.target(tenant, targetPercent, potentialWorkers), false);
    }

    public void opdRegistered(TenantId tenant, UUID opdId) {
        inPemda(tenant, kind -> copyOpd(tenant, opdId), false);
    }

    // ---- enrollment ------------------------------------------------------------------------------------

    /** A worker registered (or any worker id seen first in another module's event): known from now on. */
    public void workersRegistered(TenantId tenant, Collection<UUID> workerIds) {
        inPemda(tenant, kind -> lockOrLoad(tenant, kind, workerIds));
    }

    public void workerVerified(TenantId tenant, UUID workerId) {
        inPemda(tenant, kind -> {
            Map<UUID, WorkerState> locked = lockOrLoad(tenant, kind, List.of(workerId));
            List<UUID> changing = locked.values().stream().filter(w -> "REGISTERED".equals(w.status())).map(WorkerState::workerId).toList();
            change(tenant, changing, () -> rows.setStatus(tenant, changing, "VERIFIED"));
        });
    }

    /** Made inactive or ended by a person: the status (and its reason) is read from enrollment, not carried. */
    public void workerDeactivated(TenantId tenant, UUID workerId) {
        inPemda(tenant, kind -> refreshFromFacts(tenant, kind, workerFacts.profiles(tenant, List.of(workerId))));
    }

    /** Cover starts (or resumes) with {@code period}: ACTIVE, with a covered spell from that month. */
    public void workersActivated(TenantId tenant, YearMonth period, Collection<UUID> workerIds) {
        inPemda(tenant, kind -> {
            Map<UUID, WorkerState> locked = lockOrLoad(tenant, kind, workerIds);
            activate(tenant, locked.values(), period);
        });
    }

    /**
     * Three consecutive months up to {@code period} went unpaid: INACTIVE, and the covered spell ends with
     * the last paid month, {@code period} - 3 (the ledger covers a month only if it was paid, DOMAIN.md).
     */
    public void workersLapsed(TenantId tenant, YearMonth period, Collection<UUID> workerIds) {
        inPemda(tenant, kind -> {
            Map<UUID, WorkerState> locked = lockOrLoad(tenant, kind, workerIds);
            List<UUID> changing = locked.values().stream()
                    .filter(w -> "ACTIVE".equals(w.status()) || w.openSpellFrom() != null).map(WorkerState::workerId).toList();
            List<UUID> statusChanging = locked.values().stream()
                    .filter(w -> "ACTIVE".equals(w.status())).map(WorkerState::workerId).toList();
            change(tenant, changing, () -> {
                rows.setStatus(tenant, statusChanging, "INACTIVE");
                rows.closeSpells(tenant, changing, period.minusMonths(3).atDay(1));
            });
        });
    }

    // ---- sponsorship -------------------------------------------------------------------------------------

    public void programCreated(TenantId tenant, UUID programId, String kind) {
        inPemda(tenant, pemdaKind -> rows.program(tenant, programId, kind, programName(tenant, programId)), false);
    }

    private String programName(TenantId tenant, UUID programId) {
        try {
            return programs.get(tenant, programId).name();
        } catch (id.payung.platform.DomainProblem unknown) {
            return null;
        }
    }

    public void sponsorshipStarted(TenantId tenant, UUID fundingId, UUID programId, UUID workerId, UUID sponsorLinkId,
                                   UUID opdId, YearMonth firstPeriod) {
        inPemda(tenant, kind -> {
            rows.program(tenant, programId, null);
            if (opdId != null && !rows.knowsOpd(tenant, opdId)) copyOpd(tenant, opdId);
            Map<UUID, WorkerState> locked = lockOrLoad(tenant, kind, List.of(workerId));
            FundingRow funding = new FundingRow(fundingId, programId, workerId, sponsorLinkId, opdId, firstPeriod.atDay(1), null, false);
            change(tenant, locked.keySet(), () -> rows.fundingStarted(tenant, funding));
            if (locked.isEmpty()) rows.fundingStarted(tenant, funding);
        });
    }

    public void sponsorshipEnded(TenantId tenant, UUID fundingId, UUID programId, UUID workerId, YearMonth lastPeriod) {
        inPemda(tenant, kind -> {
            rows.program(tenant, programId, null);
            Map<UUID, WorkerState> locked = lockOrLoad(tenant, kind, List.of(workerId));
            FundingRow funding = new FundingRow(fundingId, programId, workerId, null, null, null, lastPeriod.atDay(1), true);
            change(tenant, locked.keySet(), () -> rows.fundingEnded(tenant, funding));
            if (locked.isEmpty()) rows.fundingEnded(tenant, funding);
        });
    }

    public void deductionListApproved(TenantId tenant, UUID listId, UUID opdId, YearMonth period, int sponsors, int workers, long amount) {
        inPemda(tenant, kind -> {
            if (!rows.knowsOpd(tenant, opdId)) copyOpd(tenant, opdId);
            rows.deductionListApproved(tenant, listId, opdId, period, sponsors, workers, amount);
        }, false);
    }

    public void contributionPaid(TenantId tenant, UUID paymentId, UUID programId, YearMonth period, int workers, long amount) {
        inPemda(tenant, kind -> {
            rows.program(tenant, programId, null);
            if (rows.contributionPaid(tenant, paymentId, programId, period, workers, amount)) headlineChanged();
        }, false);
    }

    // ---- claims ---------------------------------------------------------------------------------------------

    public void claimFiled(TenantId tenant, UUID claimId, UUID workerId, String kind, LocalDate incidentDate) {
        inPemda(tenant, pemdaKind -> rows.claimFiled(tenant, claimId, workerId, kind, incidentDate, LocalDate.now(Periods.JAKARTA)), true);
    }

    public void claimDecided(TenantId tenant, UUID claimId, String kind, boolean approved, long amount) {
        inPemda(tenant, pemdaKind -> rows.claimDecided(tenant, claimId, kind, approved, amount, LocalDate.now(Periods.JAKARTA)), true);
    }

    public void claimPaid(TenantId tenant, UUID claimId, String kind, long amount, LocalDate paidOn, int workingDays) {
        inPemda(tenant, pemdaKind -> rows.claimPaid(tenant, claimId, kind, amount, paidOn, workingDays), true);
    }

    // ---- resynchronisation (imports and the rebuild) ---------------------------------------------------------

    /** What a resynchronisation of a pemda's workers with enrollment did. */
    public record Resync(long workersSeen, long workersChanged, long workersRemoved) {
    }

    /**
     * Brings every worker of the pemda in line with enrollment's published facts, page by page (one
     * transaction each): unknown workers are added, changed ones corrected (with their counters), and
     * workers enrollment does not know are removed. Used for bulk imports, whose event names the import
     * rather than its workers, and by the rebuild.
     */
    public Resync resyncWorkers(TenantId tenant) {
        long seen = 0, changed = 0, removed = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            ResyncPage page = transactions.inTenant(tenant, () -> {
                String kind = lockPemda(tenant);
                List<WorkerProfile> profiles = workerFacts.profilesAfter(tenant, from, PAGE);
                long pageChanged = refreshFromFacts(tenant, kind, profiles);
                UUID last = profiles.size() < PAGE ? null : profiles.getLast().workerId();
                Set<UUID> known = new HashSet<>();
                profiles.forEach(p -> known.add(p.workerId()));
                List<UUID> orphans = rows.workerIdsBetween(tenant, from, last).stream().filter(id -> !known.contains(id)).toList();
                if (!orphans.isEmpty()) {
                    rows.lockWorkers(tenant, orphans);
                    change(tenant, orphans, () -> rows.deleteWorkers(tenant, orphans));
                }
                rows.refreshSummary(tenant, Periods.current());
                return new ResyncPage(profiles.size(), pageChanged, orphans.size(), last);
            });
            seen += page.seen();
            changed += page.changed();
            removed += page.removed();
            if (page.last() == null) break;
            after = page.last();
        }
        return new Resync(seen, changed, removed);
    }

    private record ResyncPage(long seen, long changed, long removed, UUID last) {
    }

    /** Refreshes the registry facts and OPD names, then sums the counters again from the rows (the rebuild). */
    public void recomputeCounters(TenantId tenant) {
        transactions.inTenant(tenant, () -> {
            summaryLock.exclusive(tenant);
            refreshPemdaFacts(tenant);
            int page = 0;
            while (true) {
                var opdPage = opds.list(tenant, null, true, id.payung.platform.PageRequest.of(page++, 100));
                opdPage.items().forEach(o -> rows.opd(tenant, o.id().value(), o.code(), o.name(), o.active()));
                if (!opdPage.hasNext()) break;
            }
            programs.list(tenant).forEach(p -> rows.program(tenant, p.id(), p.kind().name(), p.name()));
            resyncClaims(tenant);
            rows.recomputeCounters(tenant);
            rows.refreshSummary(tenant, Periods.current());
        });
    }

    /**
     * Claims as the claims module reports them now ({@code ClaimFacts}), page by page: a missed claim event
     * is repaired. Claims are never deleted there, so a claim only reporting knows is kept as its events told.
     */
    private void resyncClaims(TenantId tenant) {
        UUID after = null;
        while (true) {
            List<ClaimSummary> page = claimFacts.summariesAfter(tenant, after, PAGE);
            rows.claims(tenant, page.stream().map(c -> new ClaimRow(c.claimId(), c.workerId(), c.kind().name(), state(c.status()),
                    c.incidentDate(), c.reportedAt().atZoneSameInstant(Periods.JAKARTA).toLocalDate(),
                    c.status() == ClaimStatus.APPROVED || c.status() == ClaimStatus.PAID ? c.amount() : null,
                    c.status() == ClaimStatus.PAID ? c.amount() : null, c.paidOn().orElse(null), c.workingDaysToPay().orElse(null))).toList());
            if (page.size() < PAGE) return;
            after = page.getLast().claimId();
        }
    }

    private static String state(ClaimStatus status) {
        return switch (status) {
            case REPORTED, DOCUMENTS_REQUESTED, COMPLETE -> "FILED";
            case APPROVED -> "APPROVED";
            case REJECTED -> "REJECTED";
            case PAID -> "PAID";
        };
    }

    // ---- the machinery ------------------------------------------------------------------------------------------

    private interface Work {
        void run(String pemdaKind);
    }

    /** Whether the work of this thread's transaction changed what the pemda's headline figures are made of. */
    private static final ThreadLocal<boolean[]> HEADLINE = new ThreadLocal<>();

    private static void headlineChanged() {
        boolean[] flag = HEADLINE.get();
        if (flag != null) flag[0] = true;
    }

    /** A worker change that does not touch the ALL counters (a new funding, say) leaves the headline as it was. */
    private void inPemda(TenantId tenant, Work work) {
        inPemda(tenant, work, false);
    }

    /**
     * One tenant transaction: the pemda's summary row locked first (one event of a pemda at a time), the
     * work, then the headline figures recomputed if the work changed what they are made of.
     */
    private void inPemda(TenantId tenant, Work work, boolean headline) {
        boolean[] flag = {headline};
        boolean[] outer = HEADLINE.get();
        HEADLINE.set(flag);
        try {
            transactions.inTenant(tenant, () -> {
                String kind = lockPemda(tenant);
                work.run(kind);
                if (flag[0]) rows.refreshSummary(tenant, Periods.current());
            });
        } finally {
            if (outer == null) HEADLINE.remove();
            else HEADLINE.set(outer);
        }
    }

    private String lockPemda(TenantId tenant) {
        Optional<String> kind = summaryLock.forEvent(tenant);
        if (kind.isPresent()) return kind.get();
        refreshPemdaFacts(tenant);
        return summaryLock.forEvent(tenant).orElseThrow(() -> new IllegalStateException("pemda " + tenant + " unknown to tenancy"));
    }

    private void refreshPemdaFacts(TenantId tenant) {
        Tenant pemda = tenants.find(tenant).orElseThrow(() -> new IllegalStateException("pemda " + tenant + " unknown to tenancy"));
        rows.pemda(tenant, new PemdaFactsRow(pemda.regionCode().value(), pemda.kind().name(), pemda.name(), pemda.bpjsOfficeCode(),
                pemda.bpjsOfficeName(), pemda.status().name(), pemda.coverageTargetPercent(), pemda.potentialWorkers()), Periods.current());
    }

    private void copyOpd(TenantId tenant, UUID opdId) {
        try {
            Opd opd = opds.get(tenant, new OpdId(opdId));
            rows.opd(tenant, opdId, opd.code(), opd.name(), opd.active());
        } catch (id.payung.platform.DomainProblem notFound) {
            log.warn("OPD {} of pemda {} is unknown to tenancy; reported without a name", opdId, tenant);
            rows.opd(tenant, opdId, "?", "OPD " + opdId.toString().substring(0, 8), false);
        }
    }

    /**
     * Applies a change of workers as a difference of their contributions. The workers must be locked
     * already (so the "before" seen here is what the change starts from).
     */
    private void change(TenantId tenant, Collection<UUID> workerIds, Runnable mutation) {
        if (workerIds.isEmpty()) return;
        Contributions before = rows.contributions(tenant, workerIds);
        mutation.run();
        Contributions after = rows.contributions(tenant, workerIds);
        apply(tenant, after.minus(before));
    }

    private void apply(TenantId tenant, Contributions delta) {
        if (delta.touchesHeadline()) headlineChanged();
        rows.apply(tenant, delta);
    }

    private void activate(TenantId tenant, Collection<WorkerState> workers, YearMonth period) {
        List<UUID> changing = new ArrayList<>();
        List<UUID> statusChanging = new ArrayList<>();
        List<UUID> reopen = new ArrayList<>();
        List<UUID> open = new ArrayList<>();
        LocalDate from = period.atDay(1);
        for (WorkerState w : workers) {
            if ("ENDED".equals(w.status())) continue;
            boolean statusChange = !"ACTIVE".equals(w.status());
            boolean spellChange = w.openSpellFrom() == null;
            if (!statusChange && !spellChange) continue;
            changing.add(w.workerId());
            if (statusChange) statusChanging.add(w.workerId());
            if (spellChange) {
                // cover resumed the month after (or within) the last covered spell: one continuous spell
                if (w.lastClosedUntil() != null && !w.lastClosedUntil().isBefore(from.minusMonths(1))) reopen.add(w.workerId());
                else open.add(w.workerId());
            }
        }
        change(tenant, changing, () -> {
            rows.setStatus(tenant, statusChanging, "ACTIVE");
            rows.reopenLatestSpells(tenant, reopen, from);
            rows.openSpells(tenant, open, open.stream().map(id -> from).toList());
        });
    }

    /** Locks the workers, first adding those the projection does not know yet from enrollment's facts. */
    private Map<UUID, WorkerState> lockOrLoad(TenantId tenant, String kind, Collection<UUID> workerIds) {
        Set<UUID> ids = new LinkedHashSet<>(workerIds);
        Map<UUID, WorkerState> locked = rows.lockWorkers(tenant, ids);
        if (locked.size() == ids.size()) return locked;
        List<UUID> missing = ids.stream().filter(id -> !locked.containsKey(id)).toList();
        List<WorkerProfile> profiles = new ArrayList<>();
        for (int i = 0; i < missing.size(); i += PAGE) {
            profiles.addAll(workerFacts.profiles(tenant, missing.subList(i, Math.min(missing.size(), i + PAGE))));
        }
        if (profiles.size() < missing.size()) {
            log.warn("{} worker id(s) of an event are unknown to enrollment in pemda {}; ignored", missing.size() - profiles.size(), tenant);
        }
        insertFromFacts(tenant, kind, profiles);
        return rows.lockWorkers(tenant, ids);
    }

    private void insertFromFacts(TenantId tenant, String kind, List<WorkerProfile> profiles) {
        if (profiles.isEmpty()) return;
        List<WorkerFactsRow> facts = profiles.stream().map(p -> factsRow(kind, p)).toList();
        copyLabels(tenant, facts);
        List<UUID> inserted = rows.insertWorkers(tenant, facts, Periods.current());
        apply(tenant, rows.contributions(tenant, inserted).minus(Contributions.none()));
    }

    /** Corrects the projection of these workers to enrollment's facts; answers how many differed. */
    private long refreshFromFacts(TenantId tenant, String kind, List<WorkerProfile> profiles) {
        if (profiles.isEmpty()) return 0;
        List<WorkerFactsRow> facts = profiles.stream().map(p -> factsRow(kind, p)).toList();
        Set<UUID> differing = new HashSet<>(rows.differing(tenant, facts));
        if (differing.isEmpty()) return 0;
        List<WorkerFactsRow> changed = facts.stream().filter(f -> differing.contains(f.workerId())).toList();
        Map<UUID, WorkerState> locked = rows.lockWorkers(tenant, differing);
        List<WorkerFactsRow> known = changed.stream().filter(f -> locked.containsKey(f.workerId())).toList();
        List<WorkerFactsRow> unknown = changed.stream().filter(f -> !locked.containsKey(f.workerId())).toList();
        copyLabels(tenant, changed);
        LocalDate now = Periods.current().atDay(1);
        List<UUID> knownIds = known.stream().map(WorkerFactsRow::workerId).toList();
        change(tenant, knownIds, () -> {
            rows.updateWorkers(tenant, known);
            List<UUID> closing = new ArrayList<>();
            List<UUID> reopen = new ArrayList<>();
            List<UUID> open = new ArrayList<>();
            List<LocalDate> openFrom = new ArrayList<>();
            for (WorkerFactsRow f : known) {
                WorkerState state = locked.get(f.workerId());
                boolean active = "ACTIVE".equals(f.status());
                if (!active && state.openSpellFrom() != null) closing.add(f.workerId());
                if (active && state.openSpellFrom() == null) {
                    LocalDate from = state.lastClosedUntil() == null && f.coveredSince() != null ? f.coveredSince() : now;
                    if (state.lastClosedUntil() != null && !state.lastClosedUntil().isBefore(from.minusMonths(1))) reopen.add(f.workerId());
                    else {
                        open.add(f.workerId());
                        openFrom.add(from);
                    }
                }
            }
            rows.closeSpells(tenant, closing, now);
            rows.reopenLatestSpells(tenant, reopen, now);
            rows.openSpells(tenant, open, openFrom);
        });
        Set<UUID> unknownIds = new HashSet<>();
        unknown.forEach(u -> unknownIds.add(u.workerId()));
        List<WorkerProfile> unknownProfiles = profiles.stream().filter(p -> unknownIds.contains(p.workerId())).toList();
        insertFromFacts(tenant, kind, unknownProfiles);
        return changed.size();
    }

    private static WorkerFactsRow factsRow(String kind, WorkerProfile p) {
        String village = p.villageCode().value();
        return new WorkerFactsRow(p.workerId(), p.status().name(), village, districtOf(kind, village), p.occupationCode(),
                p.registeredOn(), p.coveredSince().map(m -> m.atDay(1)).orElse(null));
    }

    /** A province groups its workers by kabupaten/kota (PP.KK), a kabupaten or kota by kecamatan (PP.KK.CC). */
    static String districtOf(String pemdaKind, String villageCode) {
        int length = "PROVINSI".equals(pemdaKind) ? 5 : 8;
        return villageCode.length() >= length ? villageCode.substring(0, length) : villageCode;
    }

    private void copyLabels(TenantId tenant, List<WorkerFactsRow> facts) {
        List<Label> wanted = new ArrayList<>();
        for (WorkerFactsRow f : facts) {
            wanted.add(new Label("VILLAGE", f.villageCode(), "", ""));
            wanted.add(new Label("DISTRICT", f.districtCode(), "", ""));
            wanted.add(new Label("OCCUPATION", f.occupationCode(), "", ""));
        }
        List<Label> missing = rows.missingLabels(tenant, wanted.stream().distinct().toList());
        if (missing.isEmpty()) return;
        List<Label> named = new ArrayList<>();
        for (Label l : missing) {
            if (l.kind().equals("OCCUPATION")) {
                Occupation o = occupation(tenant, l.code());
                named.add(new Label(l.kind(), l.code(), o == null ? l.code() : o.nameId(), o == null ? l.code() : o.nameEn()));
            } else {
                String name = regionName(l.code());
                named.add(new Label(l.kind(), l.code(), name, name));
            }
        }
        rows.labels(tenant, named);
    }

    private String regionName(String code) {
        try {
            return regions.find(new RegionCode(code)).map(r -> r.name()).orElse(code);
        } catch (id.payung.platform.DomainProblem malformed) {
            return code;
        }
    }

    private Occupation occupation(TenantId tenant, String code) {
        Occupation known = occupations.get(code);
        if (known != null) return known;
        registration.occupations(tenant).forEach(o -> occupations.put(o.code(), o));
        return occupations.get(code);
    }
}
