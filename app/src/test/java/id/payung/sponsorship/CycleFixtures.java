package id.payung.sponsorship;

import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.tenancy.Opd;
import org.jooq.DSLContext;

import java.time.YearMonth;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Funding programs, ASN sponsors (roster entry, approved account link, consent) and fundings written
 * straight into sponsorship's tables, as the funding-program and sponsorship services will store them
 * (those services are built alongside; the coordinator switches these fixtures to them once merged).
 */
final class CycleFixtures {

    static final String CONSENT = "Saya menyetujui pemotongan TPP saya setiap bulan untuk iuran BPJS Ketenagakerjaan pekerja yang saya tanggung.";
    private static final AtomicInteger SERIAL = new AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 50_000));

    private final TenantTransactions transactions;
    private final DSLContext db;

    CycleFixtures(TenantTransactions transactions, DSLContext db) {
        this.transactions = transactions;
        this.db = db;
    }

    /** An ASN sponsor of the pemda: his approved link, his OPD, his consent. */
    record Sponsor(UUID linkId, UUID consentId, UUID opdId, String nip, String subject) {
    }

    UUID program(TenantId tenant, String kind, boolean countsAsApbd, YearMonth first, Long budgetCeiling) {
        UUID id = UUID.randomUUID();
        boolean apbd = kind.equals("APBD_COHORT");
        run(tenant, () -> db.execute("""
                        INSERT INTO sponsorship.funding_program (tenant_id, program_id, kind, name, counts_as_apbd, budget_ceiling,
                                                                 worker_quota, donor_name, first_period, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::date, 'test')""",
                tenant.value(), id, kind, name(kind) + " " + id.toString().substring(0, 8), countsAsApbd,
                apbd && budgetCeiling == null ? Long.valueOf(1_000_000_000L) : budgetCeiling, apbd ? 100_000 : null,
                kind.equals("CSR") ? "PT Donatur" : null, first.atDay(1)));
        return id;
    }

    /** The pemda's one ASN/TPP program (created when missing). */
    UUID asnProgram(TenantId tenant, boolean countsAsApbd, YearMonth first) {
        UUID existing = SystemWork.call("test", () -> transactions.readInTenant(tenant, () -> db.fetch(
                "SELECT program_id FROM sponsorship.funding_program WHERE tenant_id = ? AND kind = 'ASN_TPP'", tenant.value())
                .stream().findFirst().map(r -> r.get(0, UUID.class)).orElse(null)));
        return existing != null ? existing : program(tenant, "ASN_TPP", countsAsApbd, first, null);
    }

    Sponsor sponsor(TenantId tenant, Opd opd, String subject, String name) {
        String uniqueNip = String.format("1985051720100%05d", SERIAL.incrementAndGet());
        UUID link = UUID.randomUUID();
        UUID consent = UUID.randomUUID();
        run(tenant, () -> {
            db.execute("INSERT INTO sponsorship.asn_roster_entry (tenant_id, entry_id, nip, name, opd_id) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", tenant.value(), UUID.randomUUID(), uniqueNip, name, opd.id().value());
            db.execute("""
                            INSERT INTO sponsorship.asn_account_link (tenant_id, link_id, subject, nip, opd_id, status, decided_by, decided_at)
                            VALUES (?, ?, ?, ?, ?, 'APPROVED', 'roster', now())""",
                    tenant.value(), link, subject, uniqueNip, opd.id().value());
            db.execute("""
                            INSERT INTO sponsorship.deduction_consent (tenant_id, consent_id, link_id, subject, text, text_sha256, language)
                            VALUES (?, ?, ?, ?, ?, ?, 'id')""",
                    tenant.value(), consent, link, subject, CONSENT, HexFormat.of().formatHex(sha256(CONSENT)));
            return null;
        });
        return new Sponsor(link, consent, opd.id().value(), uniqueNip, subject);
    }

    /** Funds a worker by a program from {@code first} (to {@code last}, open when null); sponsored when sponsor is given. */
    UUID fund(TenantId tenant, UUID program, UUID worker, YearMonth first, YearMonth last, Sponsor sponsor, long income, boolean transport) {
        UUID id = UUID.randomUUID();
        run(tenant, () -> db.execute("""
                        INSERT INTO sponsorship.funding (tenant_id, funding_id, program_id, worker_id, first_period, last_period,
                                                         sponsor_link_id, opd_id, relationship, consent_id, declared_income, transport_sector, created_by)
                        VALUES (?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, 'test')""",
                tenant.value(), id, program, worker, first.atDay(1), last == null ? null : last.atDay(1),
                sponsor == null ? null : sponsor.linkId(), sponsor == null ? null : sponsor.opdId(), sponsor == null ? null : "ART",
                sponsor == null ? null : sponsor.consentId(), income, transport));
        return id;
    }

    void endFunding(TenantId tenant, UUID funding, YearMonth last) {
        run(tenant, () -> db.execute("""
                        UPDATE sponsorship.funding SET last_period = ?::date, ended_by = 'test', ended_at = now(), end_reason = 'test'
                        WHERE tenant_id = ? AND funding_id = ?""", last.atDay(1), tenant.value(), funding));
    }

    long count(TenantId tenant, String sql, Object... binds) {
        return SystemWork.call("test", () -> transactions.readInTenant(tenant, () -> ((Number) db.fetchValue(sql, binds)).longValue()));
    }

    private <T> void run(TenantId tenant, java.util.function.Supplier<T> work) {
        SystemWork.call("test setup", () -> transactions.inTenant(tenant, work));
    }

    private static String name(String kind) {
        return switch (kind) {
            case "ASN_TPP" -> "Sponsor ASN";
            case "APBD_COHORT" -> "Kohort APBD";
            case "CSR" -> "Donatur";
            default -> "Mandiri";
        };
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
