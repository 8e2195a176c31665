package id.payung.tenancy;

import id.payung.platform.Actor;
import id.payung.platform.AuditTrail;
import id.payung.platform.AuditTrail.AuditEntry;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantDirectory;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenancyEvents.TargetSet;
import id.payung.tenancy.TenancyEvents.TenantOnboarded;
import id.payung.tenancy.TenancyEvents.TenantReactivated;
import id.payung.tenancy.TenancyEvents.TenantSuspended;
import id.payung.tenancy.persistence.RegionRows;
import id.payung.tenancy.persistence.TenantRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Onboards pemda as tenants and keeps their registry entry: administering BPJS office, coverage
 * target and potential workers, suspension. BPJS staff run it; the head of region may set the target.
 */
@Service
public class TenantAdministration implements TenantDirectory {

    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,29}");
    private static final long MAX_POTENTIAL_WORKERS = 100_000_000L;

    private final TenantRows tenants;
    private final RegionRows regions;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    /**
     * Pemda known to be onboarded, so that mapping a token's organization to its tenant costs no query on
     * every request. Only positive answers are kept: pemda are never deleted and their ids follow from
     * the region code, so a known one stays valid; an unknown one is asked again.
     */
    private final Set<TenantId> onboarded = ConcurrentHashMap.newKeySet();

    TenantAdministration(TenantRows tenants, RegionRows regions, TenantTransactions transactions,
                         CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.regions = regions;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    public record OnboardTenant(String regionCode, String bpjsOfficeCode, String bpjsOfficeName,
                                BigDecimal coverageTargetPercent, Long potentialWorkers) {
    }

    /** The tenant id of a pemda follows from its region code, so onboarding twice cannot succeed. */
    public static TenantId tenantIdFor(RegionCode regionCode) {
        return new TenantId(UUID.nameUUIDFromBytes(("payung:pemda:" + regionCode.value()).getBytes(StandardCharsets.UTF_8)));
    }

    public Tenant onboard(OnboardTenant command) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF);
        var checks = InvalidInput.checks();
        RegionCode code = null;
        if (command.regionCode() == null || command.regionCode().isBlank()) {
            checks.require(false, "regionCode", TenancyProblem.REQUIRED);
        } else {
            try {
                code = RegionCode.parse(command.regionCode());
            } catch (DomainProblem malformed) {
                checks.require(false, "regionCode", malformed.type(), command.regionCode());
            }
        }
        String officeCode = normalizeOfficeCode(command.bpjsOfficeCode());
        checkOffice(checks, officeCode, command.bpjsOfficeName());
        checkTarget(checks, command.coverageTargetPercent(), command.potentialWorkers());
        checks.throwIfAny();

        Region region = regions.find(code).orElseThrow(() -> new DomainProblem(TenancyProblem.UNKNOWN_REGION_CODE,
                Map.of("field", "regionCode"), command.regionCode()));
        if (region.level() != RegionCode.Level.PROVINCE && region.level() != RegionCode.Level.REGENCY) {
            throw new DomainProblem(TenancyProblem.REGION_NOT_A_PEMDA, Map.of("field", "regionCode"), region.code(), region.name());
        }
        TenantKind kind = region.level() == RegionCode.Level.PROVINCE ? TenantKind.PROVINSI
                : region.code().isCity() ? TenantKind.KOTA : TenantKind.KABUPATEN;
        String name = kind == TenantKind.PROVINSI ? "Provinsi " + region.name() : region.name();
        TenantId id = tenantIdFor(region.code());
        RegionCode provinceCode = new RegionCode(region.code().provinceCode());
        try {
            return transactions.inNewTenant(id, () -> {
                if (tenants.find(id).isPresent()) {
                    throw alreadyOnboarded(region);
                }
                tenants.insert(id, region.code(), kind, name, provinceCode, officeCode, command.bpjsOfficeName().strip(),
                        command.coverageTargetPercent(), command.potentialWorkers());
                audit.record("tenant.onboarded", "tenant", id, Map.of("regionCode", region.code(), "bpjsOffice", officeCode));
                events.publishEvent(new TenantOnboarded(id));
                if (command.coverageTargetPercent() != null || command.potentialWorkers() != null) {
                    events.publishEvent(new TargetSet(id, command.coverageTargetPercent(), command.potentialWorkers()));
                }
                return tenants.find(id).orElseThrow();
            });
        } catch (DuplicateKeyException concurrentOnboarding) {
            throw alreadyOnboarded(region);
        }
    }

    public Optional<Tenant> find(TenantId id) {
        return transactions.readInTenant(id, () -> tenants.find(id));
    }

    /**
     * Every active pemda, by name: what a person who signs up may choose from (ASN self-registration).
     * Only public facts (name, region code), so no role is needed.
     */
    public List<Tenant> activeTenants() {
        return transactions.readRegistry(tenants::active);
    }

    public Tenant get(TenantId id) {
        return find(id).orElseThrow(() -> new DomainProblem(TenancyProblem.TENANT_NOT_FOUND));
    }

    /**
     * The pemda the current actor oversees: all of them for the system, those of his office for BPJS
     * staff, his own pemda for everyone else.
     */
    public Page<Tenant> list(String text, TenantStatus status, PageRequest page) {
        Actor actor = currentActor.get();
        if (!actor.isUnrestricted() && !actor.has(Role.BPJS_STAFF)) {
            var own = actor.tenant().flatMap(this::find).stream()
                    .filter(t -> status == null || t.status() == status).toList();
            return new Page<>(page.page() == 0 ? own : List.of(), page.page(), page.size(), own.size());
        }
        Optional<String> office = actor.isUnrestricted() ? Optional.empty() : Optional.of(actor.bpjsOffice().orElse(""));
        return transactions.readRegistry(() -> tenants.page(text, status, office, page));
    }

    public Tenant changeBpjsOffice(TenantId id, String bpjsOfficeCode, String bpjsOfficeName) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF);
        String officeCode = normalizeOfficeCode(bpjsOfficeCode);
        var checks = InvalidInput.checks();
        checkOffice(checks, officeCode, bpjsOfficeName);
        checks.throwIfAny();
        return transactions.inTenant(id, () -> {
            Tenant tenant = requireWritable(id);
            tenants.updateOffice(id, officeCode, bpjsOfficeName.strip());
            audit.record("tenant.bpjs-office-changed", "tenant", id,
                    Map.of("from", tenant.bpjsOfficeCode(), "to", officeCode));
            return tenants.find(id).orElseThrow();
        });
    }

    public Tenant setTarget(TenantId id, BigDecimal coverageTargetPercent, Long potentialWorkers) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF, Role.KEPALA_DAERAH);
        var checks = InvalidInput.checks();
        checks.require(coverageTargetPercent != null, "coverageTargetPercent", TenancyProblem.REQUIRED);
        checks.require(potentialWorkers != null, "potentialWorkers", TenancyProblem.REQUIRED);
        checkTarget(checks, coverageTargetPercent, potentialWorkers);
        checks.throwIfAny();
        return transactions.inTenant(id, () -> {
            requireWritable(id);
            tenants.updateTarget(id, coverageTargetPercent, potentialWorkers);
            audit.record("tenant.target-set", "tenant", id,
                    Map.of("coverageTargetPercent", coverageTargetPercent.toPlainString(), "potentialWorkers", potentialWorkers));
            events.publishEvent(new TargetSet(id, coverageTargetPercent, potentialWorkers));
            return tenants.find(id).orElseThrow();
        });
    }

    public Tenant suspend(TenantId id, String reason) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF);
        var checks = InvalidInput.checks();
        checks.require(reason != null && reason.strip().length() >= 5 && reason.strip().length() <= 500,
                "reason", TenancyProblem.INVALID_SUSPENSION_REASON, 5, 500);
        checks.throwIfAny();
        return transactions.inTenant(id, () -> {
            Tenant tenant = tenants.find(id).orElseThrow(() -> new DomainProblem(TenancyProblem.TENANT_NOT_FOUND));
            if (tenant.isSuspended()) throw new DomainProblem(TenancyProblem.TENANT_ALREADY_SUSPENDED, tenant.name());
            tenants.updateStatus(id, TenantStatus.SUSPENDED, reason.strip());
            audit.record("tenant.suspended", "tenant", id);
            events.publishEvent(new TenantSuspended(id));
            return tenants.find(id).orElseThrow();
        });
    }

    public Tenant reactivate(TenantId id) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF);
        return transactions.inTenant(id, () -> {
            Tenant tenant = tenants.find(id).orElseThrow(() -> new DomainProblem(TenancyProblem.TENANT_NOT_FOUND));
            if (!tenant.isSuspended()) throw new DomainProblem(TenancyProblem.TENANT_NOT_SUSPENDED, tenant.name());
            tenants.updateStatus(id, TenantStatus.ACTIVE, null);
            audit.record("tenant.reactivated", "tenant", id);
            events.publishEvent(new TenantReactivated(id));
            return tenants.find(id).orElseThrow();
        });
    }

    /**
     * Refuses writes to a suspended (or unknown) pemda. Other modules call this inside the tenant
     * transaction of their write, before writing.
     */
    public Tenant requireWritable(TenantId id) {
        return transactions.readInTenant(id, () -> {
            Tenant tenant = tenants.find(id).orElseThrow(() -> new DomainProblem(TenancyProblem.TENANT_NOT_FOUND));
            if (tenant.isSuspended()) throw new DomainProblem(TenancyProblem.TENANT_SUSPENDED, tenant.name());
            return tenant;
        });
    }

    /** The pemda's latest audited changes (registry entry, OPDs and everything else), newest first. */
    public List<AuditEntry> history(TenantId id) {
        return transactions.readInTenant(id, () -> audit.recent(100));
    }

    @Override
    public boolean isAdministeredBy(TenantId tenant, String bpjsOfficeCode) {
        return transactions.readRegistry(() -> tenants.officeOf(tenant)).filter(bpjsOfficeCode::equals).isPresent();
    }

    @Override
    public Optional<TenantId> tenantOfOrganization(String organizationAlias) {
        RegionCode code;
        try {
            code = RegionCode.parse(organizationAlias);
        } catch (DomainProblem notARegionCode) {
            return Optional.empty();
        }
        TenantId id = tenantIdFor(code);
        if (onboarded.contains(id)) return Optional.of(id);
        Optional<TenantId> found = transactions.readRegistry(() -> tenants.officeOf(id)).map(office -> id);
        found.ifPresent(onboarded::add);
        return found;
    }

    /** The Keycloak organization alias of a pemda: its region code without dots. */
    public static String organizationAlias(RegionCode regionCode) {
        return regionCode.value().replace(".", "");
    }

    private static DomainProblem alreadyOnboarded(Region region) {
        return new DomainProblem(TenancyProblem.TENANT_ALREADY_ONBOARDED, Map.of("field", "regionCode"),
                region.code(), region.name());
    }

    private static String normalizeOfficeCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static void checkOffice(InvalidInput.Checks checks, String officeCode, String officeName) {
        checks.require(OFFICE_CODE.matcher(officeCode).matches(), "bpjsOfficeCode", TenancyProblem.INVALID_OFFICE_CODE);
        checks.require(officeName != null && officeName.strip().length() >= 3 && officeName.strip().length() <= 120,
                "bpjsOfficeName", TenancyProblem.INVALID_OFFICE_NAME, 3, 120);
    }

    private static void checkTarget(InvalidInput.Checks checks, BigDecimal target, Long potential) {
        checks.require(target == null || (target.signum() > 0 && target.compareTo(BigDecimal.valueOf(100)) <= 0
                && target.stripTrailingZeros().scale() <= 2), "coverageTargetPercent", TenancyProblem.INVALID_TARGET);
        checks.require(potential == null || (potential >= 0 && potential <= MAX_POTENTIAL_WORKERS),
                "potentialWorkers", TenancyProblem.INVALID_POTENTIAL_WORKERS, MAX_POTENTIAL_WORKERS);
    }
}
