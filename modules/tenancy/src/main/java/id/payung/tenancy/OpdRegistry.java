package id.payung.tenancy;

import id.payung.platform.AuditTrail;
import id.payung.platform.CurrentActor;
import id.payung.platform.DomainProblem;
import id.payung.platform.InvalidInput;
import id.payung.platform.Page;
import id.payung.platform.PageRequest;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.TenancyEvents.OpdRegistered;
import id.payung.tenancy.persistence.OpdRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The OPD list of a pemda, kept by its Disnaker operator or by BPJS staff. OPDs are deactivated, never
 * deleted: sponsorships and deduction lists keep referring to them.
 */
@Service
public class OpdRegistry {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,29}");

    private final OpdRows opds;
    private final TenantAdministration tenantAdministration;
    private final TenantTransactions transactions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    OpdRegistry(OpdRows opds, TenantAdministration tenantAdministration, TenantTransactions transactions,
                CurrentActor currentActor, AuditTrail audit, ApplicationEventPublisher events) {
        this.opds = opds;
        this.tenantAdministration = tenantAdministration;
        this.transactions = transactions;
        this.currentActor = currentActor;
        this.audit = audit;
        this.events = events;
    }

    public record OpdDetails(String code, String name) {
    }

    public Page<Opd> list(TenantId tenant, String text, boolean includeInactive, PageRequest page) {
        return transactions.readInTenant(tenant, () -> opds.page(tenant, text, includeInactive, page));
    }

    /** The pemda's active OPDs by name, all of them (a pemda has tens, not thousands). */
    public java.util.List<Opd> active(TenantId tenant) {
        return transactions.readInTenant(tenant, () -> opds.active(tenant));
    }

    public Opd get(TenantId tenant, OpdId id) {
        return transactions.readInTenant(tenant, () -> opds.find(tenant, id))
                .orElseThrow(() -> new DomainProblem(TenancyProblem.OPD_NOT_FOUND));
    }

    public Opd register(TenantId tenant, OpdDetails details) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF, Role.DISNAKER_OPERATOR);
        OpdDetails clean = validated(details);
        return transactions.inTenant(tenant, () -> {
            tenantAdministration.requireWritable(tenant);
            requireUnique(tenant, clean, null);
            OpdId id = new OpdId(UUID.randomUUID());
            opds.insert(tenant, id, clean.code(), clean.name());
            audit.record("opd.registered", "opd", id, Map.of("code", clean.code()));
            events.publishEvent(new OpdRegistered(tenant, id));
            return opds.find(tenant, id).orElseThrow();
        });
    }

    public Opd update(TenantId tenant, OpdId id, OpdDetails details) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF, Role.DISNAKER_OPERATOR);
        OpdDetails clean = validated(details);
        return transactions.inTenant(tenant, () -> {
            tenantAdministration.requireWritable(tenant);
            Opd existing = opds.find(tenant, id).orElseThrow(() -> new DomainProblem(TenancyProblem.OPD_NOT_FOUND));
            requireUnique(tenant, clean, id);
            opds.update(tenant, id, clean.code(), clean.name());
            audit.record("opd.updated", "opd", id, Map.of("fromCode", existing.code(), "toCode", clean.code()));
            return opds.find(tenant, id).orElseThrow();
        });
    }

    public Opd setActive(TenantId tenant, OpdId id, boolean active) {
        currentActor.get().requireAnyOf(Role.BPJS_STAFF, Role.DISNAKER_OPERATOR);
        return transactions.inTenant(tenant, () -> {
            tenantAdministration.requireWritable(tenant);
            opds.find(tenant, id).orElseThrow(() -> new DomainProblem(TenancyProblem.OPD_NOT_FOUND));
            opds.setActive(tenant, id, active);
            audit.record(active ? "opd.reactivated" : "opd.deactivated", "opd", id);
            return opds.find(tenant, id).orElseThrow();
        });
    }

    private static OpdDetails validated(OpdDetails details) {
        String code = details.code() == null ? "" : details.code().strip().toUpperCase(Locale.ROOT);
        String name = details.name() == null ? "" : details.name().strip().replaceAll("\\s+", " ");
        InvalidInput.checks()
                .require(CODE.matcher(code).matches(), "code", TenancyProblem.INVALID_OPD_CODE)
                .require(name.length() >= 3 && name.length() <= 150, "name", TenancyProblem.INVALID_OPD_NAME, 3, 150)
                .throwIfAny();
        return new OpdDetails(code, name);
    }

    private void requireUnique(TenantId tenant, OpdDetails details, OpdId except) {
        opds.findByCode(tenant, details.code()).filter(o -> !o.id().equals(except)).ifPresent(o -> {
            throw new DomainProblem(TenancyProblem.OPD_CODE_TAKEN, Map.of("field", "code"), details.code(), o.name());
        });
        opds.findByName(tenant, details.name()).filter(o -> !o.id().equals(except)).ifPresent(o -> {
            throw new DomainProblem(TenancyProblem.OPD_NAME_TAKEN, Map.of("field", "name"), details.name());
        });
    }
}
