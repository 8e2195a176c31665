package id.payung.sponsorship.persistence;

import id.payung.platform.TenantId;
import id.payung.sponsorship.DeductionConsent;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

import static id.payung.sponsorship.persistence.jooq.Tables.DEDUCTION_CONSENT;

/** The ASN's consent to the TPP deduction, kept as evidence; written once, never changed. */
@Repository
public class ConsentRows {

    private final DSLContext db;

    ConsentRows(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, DeductionConsent c) {
        db.insertInto(DEDUCTION_CONSENT)
                .set(DEDUCTION_CONSENT.TENANT_ID, tenant.value())
                .set(DEDUCTION_CONSENT.CONSENT_ID, c.id())
                .set(DEDUCTION_CONSENT.LINK_ID, c.linkId())
                .set(DEDUCTION_CONSENT.SUBJECT, c.subject())
                .set(DEDUCTION_CONSENT.TEXT, c.text())
                .set(DEDUCTION_CONSENT.TEXT_SHA256, c.sha256())
                .set(DEDUCTION_CONSENT.LANGUAGE, c.language())
                .set(DEDUCTION_CONSENT.WORKER_ID, c.workerId())
                .set(DEDUCTION_CONSENT.FIRST_PERIOD, c.firstPeriod().atDay(1))
                .set(DEDUCTION_CONSENT.FIRST_AMOUNT, c.firstAmount())
                .execute();
    }

    public Optional<DeductionConsent> find(TenantId tenant, UUID id) {
        return db.selectFrom(DEDUCTION_CONSENT)
                .where(DEDUCTION_CONSENT.TENANT_ID.eq(tenant.value()), DEDUCTION_CONSENT.CONSENT_ID.eq(id))
                .fetchOptional(r -> new DeductionConsent(r.getConsentId(), r.getLinkId(), r.getSubject(), r.getText(), r.getTextSha256(),
                        r.getLanguage(), r.getWorkerId(), ProgramRows.month(r.getFirstPeriod()),
                        r.getFirstAmount() == null ? 0 : r.getFirstAmount(), r.getGivenAt()));
    }
}
