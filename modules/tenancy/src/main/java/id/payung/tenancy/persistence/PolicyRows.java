package id.payung.tenancy.persistence;

import id.payung.platform.TenantId;
import id.payung.tenancy.SponsorshipPolicies.Policy;
import id.payung.tenancy.persistence.jooq.tables.records.SponsorshipPolicyRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.payung.tenancy.persistence.jooq.Tables.SPONSORSHIP_POLICY;

@Repository
public class PolicyRows {

    private final DSLContext db;

    PolicyRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, UUID id, YearMonth validFrom, int minimumWorkers, String setBy, String setByName) {
        db.insertInto(SPONSORSHIP_POLICY)
                .set(SPONSORSHIP_POLICY.TENANT_ID, tenant.value())
                .set(SPONSORSHIP_POLICY.POLICY_ID, id)
                .set(SPONSORSHIP_POLICY.VALID_FROM, validFrom.atDay(1))
                .set(SPONSORSHIP_POLICY.MINIMUM_WORKERS, minimumWorkers)
                .set(SPONSORSHIP_POLICY.SET_BY, setBy)
                .set(SPONSORSHIP_POLICY.SET_BY_NAME, setByName)
                .execute();
    }

    public Optional<Policy> find(TenantId tenant, UUID id) {
        return db.selectFrom(SPONSORSHIP_POLICY)
                .where(SPONSORSHIP_POLICY.TENANT_ID.eq(tenant.value()), SPONSORSHIP_POLICY.POLICY_ID.eq(id))
                .fetchOptional(PolicyRows::toPolicy);
    }

    public Optional<Policy> inForce(TenantId tenant, YearMonth month) {
        return db.selectFrom(SPONSORSHIP_POLICY)
                .where(SPONSORSHIP_POLICY.TENANT_ID.eq(tenant.value()), SPONSORSHIP_POLICY.VALID_FROM.le(month.atDay(1)))
                .orderBy(SPONSORSHIP_POLICY.VALID_FROM.desc(), SPONSORSHIP_POLICY.SET_AT.desc())
                .limit(1)
                .fetchOptional(PolicyRows::toPolicy);
    }

    public List<Policy> history(TenantId tenant) {
        return db.selectFrom(SPONSORSHIP_POLICY)
                .where(SPONSORSHIP_POLICY.TENANT_ID.eq(tenant.value()))
                .orderBy(SPONSORSHIP_POLICY.VALID_FROM.desc(), SPONSORSHIP_POLICY.SET_AT.desc())
                .fetch(PolicyRows::toPolicy);
    }

    private static Policy toPolicy(SponsorshipPolicyRecord r) {
        return new Policy(r.getPolicyId(), YearMonth.from(r.getValidFrom()), r.getMinimumWorkers(), r.getSetByName(), r.getSetAt());
    }
}
