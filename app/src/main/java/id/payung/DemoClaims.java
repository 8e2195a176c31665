package id.payung;

import id.payung.claims.Claim;
import id.payung.claims.ClaimFacts;
import id.payung.claims.ClaimFiling;
import id.payung.claims.ClaimFiling.BeneficiaryDetails;
import id.payung.claims.ClaimFiling.ChildDetails;
import id.payung.claims.ClaimFiling.Report;
import id.payung.claims.ClaimHandling;
import id.payung.enrollment.Worker;
import id.payung.enrollment.WorkerQuery;
import id.payung.enrollment.WorkerRegistration;
import id.payung.platform.Actor;
import id.payung.platform.PageRequest;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.CoverageLedger;
import id.payung.sponsorship.CoverageLedger.PaidWorkerMonth;
import id.payung.tenancy.TenantAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A few claims in Kota Sukabumi, made through the same services the operator and BPJS staff use, once
 * {@link DemoData} has loaded the pemda and its workers: a JKM death paid (with a child's scholarship), a
 * traffic accident assessed and approved awaiting payment, a death in the first months of membership
 * (reduced benefit) with documents asked for, and a death in a month that was not paid (not eligible).
 * Idempotent: a pemda that has claims already is left as it is. Kept apart from DemoData on purpose.
 */
@Component
@Profile("demo")
class DemoClaims {

    private static final Logger log = LoggerFactory.getLogger(DemoClaims.class);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** A one-page PDF standing in for a scanned document. */
    private static final byte[] SCAN = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);
    private static final List<String> DEATH_DOCUMENTS = List.of("KPJ_CARD", "KTP_WORKER", "KTP_HEIRS", "DEATH_CERTIFICATE",
            "FAMILY_CARD", "HEIR_STATEMENT", "BANK_BOOK");

    private final TenantAdministration administration;
    private final WorkerRegistration workers;
    private final CoverageLedger ledger;
    private final ClaimFiling filing;
    private final ClaimHandling handling;
    private final ClaimFacts claimFacts;
    private final TenantTransactions transactions;
    private final JdbcTemplate jdbc;

    DemoClaims(TenantAdministration administration, WorkerRegistration workers, CoverageLedger ledger, ClaimFiling filing,
               ClaimHandling handling, ClaimFacts claimFacts, TenantTransactions transactions, JdbcTemplate jdbc) {
        this.administration = administration;
        this.workers = workers;
        this.ledger = ledger;
        this.filing = filing;
        this.handling = handling;
        this.claimFacts = claimFacts;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** After the application runners, so DemoData's pemda and workers are there. */
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        TenantId tenant = TenantAdministration.tenantIdFor(RegionCode.parse("32.72"));
        SystemWork.run("demo-claims", () -> {
            if (administration.find(tenant).isEmpty() || !claimFacts.summariesAfter(tenant, null, 1).isEmpty()) return;
            try {
                loadClaims(tenant);
                log.info("Demo claims loaded in Kota Sukabumi");
            } catch (RuntimeException e) {
                log.warn("Demo claims not loaded: {}", e.getMessage());
            }
        });
    }

    private void loadClaims(TenantId tenant) {
        Actor operator = person("operator.kotasukabumi", Optional.of(tenant), Optional.empty(), Role.DISNAKER_OPERATOR);
        Actor bpjs = person("bpjs.sukabumi", Optional.empty(), Optional.of("KC-SUKABUMI"), Role.BPJS_STAFF);
        List<Worker> all = workers.list(tenant, WorkerQuery.all(), PageRequest.of(0, 50)).items();
        LocalDate today = LocalDate.now(JAKARTA);
        YearMonth thisMonth = YearMonth.from(today);
        UUID program = demoProgram(tenant);

        // JKM death after more than three years of contributions: 42 million plus a child's scholarship, paid.
        worker(all, "Udin Syamsudin").ifPresent(w -> {
            paid(tenant, program, w.id(), thisMonth.minusMonths(40), thisMonth);
            Claim claim = as(operator, () -> filing.report(tenant, new Report(w.id().toString(), "JKM_DEATH",
                    today.minusDays(12).toString(), "04:30", "Rumah, RT 06 RW 02", "Meninggal dunia di rumah karena sakit (stroke).",
                    false, List.of(heir("Ahli Waris Udin", "SPOUSE", w, "BRI", "002101000123456")),
                    List.of(new ChildDetails("Rizki Syamsudin", nikLike(w, "120614", 21), "2014-06-12", "SD")))));
            upload(operator, tenant, claim, DEATH_DOCUMENTS);
            upload(operator, tenant, claim, List.of("SCHOOL_CERTIFICATE"));
            as(bpjs, () -> handling.checkDocuments(tenant, claim.id(), List.of(), null));
            as(bpjs, () -> handling.decide(tenant, claim.id(), new ClaimHandling.DecisionInput("APPROVE", "Dokumen lengkap dan sah.")));
            as(bpjs, () -> handling.pay(tenant, claim.id(), new ClaimHandling.PaymentInput("SP2D-DEMO-0001", today.toString())));
        });
        // A traffic accident of an ojek driver: assessed (care billed, two months unable to work), approved, awaiting payment.
        worker(all, "Asep Saepudin").ifPresent(w -> {
            paid(tenant, program, w.id(), thisMonth.minusMonths(8), thisMonth);
            Claim claim = as(operator, () -> filing.report(tenant, new Report(w.id().toString(), "JKK_ACCIDENT",
                    today.minusDays(6).toString(), "17:15", "Jl. Siliwangi, Kota Sukabumi",
                    "Tertabrak mobil saat mengantar penumpang; tangan kiri patah.", true,
                    List.of(new BeneficiaryDetails(null, null, null, "BJB", "0011223344")), List.of())));
            upload(operator, tenant, claim, List.of("KPJ_CARD", "KTP_WORKER", "ACCIDENT_CHRONOLOGY", "POLICE_REPORT",
                    "MEDICAL_STATEMENT", "MEDICAL_RECEIPTS", "BANK_BOOK"));
            as(bpjs, () -> handling.checkDocuments(tenant, claim.id(), List.of(), null));
            as(bpjs, () -> handling.assess(tenant, claim.id(), new ClaimHandling.AssessmentInput("3250000", "2", "NONE", null)));
            as(bpjs, () -> handling.decide(tenant, claim.id(), new ClaimHandling.DecisionInput("APPROVE", null)));
        });
        // A death in the first months of membership: the reduced benefit; BPJS asks for the heir statement.
        worker(all, "Nining Suryani").ifPresent(w -> {
            paid(tenant, program, w.id(), thisMonth.minusMonths(1), thisMonth);
            Claim claim = as(operator, () -> filing.report(tenant, new Report(w.id().toString(), "JKM_DEATH",
                    today.minusDays(4).toString(), null, "RSUD R. Syamsudin, S.H.", "Meninggal dunia di rumah sakit karena demam berdarah.",
                    false, List.of(heir("Ahli Waris Nining", "SPOUSE", w, "BRI", "002101000654321")), List.of())));
            upload(operator, tenant, claim, List.of("KPJ_CARD", "KTP_WORKER", "DEATH_CERTIFICATE"));
            as(bpjs, () -> handling.checkDocuments(tenant, claim.id(), List.of("HEIR_STATEMENT", "KTP_HEIRS", "FAMILY_CARD", "BANK_BOOK"),
                    "Mohon lengkapi surat keterangan ahli waris dari kelurahan."));
        });
        // A death in a month that was not paid: reported, not eligible; BPJS can only reject it.
        worker(all, "Dadang Suherman").ifPresent(w -> {
            paid(tenant, program, w.id(), thisMonth.minusMonths(9), thisMonth.minusMonths(4));
            as(operator, () -> filing.report(tenant, new Report(w.id().toString(), "JKM_DEATH", today.minusDays(2).toString(), null,
                    "Sawah, Kelurahan Cikole", "Meninggal dunia mendadak saat bekerja di sawah milik sendiri.", false,
                    List.of(heir("Ahli Waris Dadang", "SPOUSE", w, "Mandiri", "1320011223344")), List.of())));
        });
    }

    /**
     * A program row for the demo's paid months, as sponsorship's funding-program service will store it
     * (that service is being built alongside; until it lands the demo writes the row itself).
     */
    private UUID demoProgram(TenantId tenant) {
        return transactions.inTenant(tenant, () -> {
            jdbc.update("""
                    INSERT INTO sponsorship.funding_program (tenant_id, program_id, kind, name, counts_as_apbd, budget_ceiling,
                                                             worker_quota, first_period, created_by)
                    VALUES (?, gen_random_uuid(), 'APBD_COHORT', 'Demo klaim: kohort APBD pekerja rentan', true, 500000000, 1000,
                            DATE '2020-01-01', 'system:demo-claims')
                    ON CONFLICT (tenant_id, name) DO NOTHING""", tenant.value());
            return jdbc.queryForObject("SELECT program_id FROM sponsorship.funding_program WHERE tenant_id = ? AND name = ?",
                    UUID.class, tenant.value(), "Demo klaim: kohort APBD pekerja rentan");
        });
    }

    private void paid(TenantId tenant, UUID program, UUID workerId, YearMonth first, YearMonth last) {
        transactions.inTenant(tenant, () -> {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                ledger.recordPaid(tenant, UUID.randomUUID(), program, month, List.of(new PaidWorkerMonth(workerId, 16_800)));
            }
        });
    }

    private void upload(Actor actor, TenantId tenant, Claim claim, List<String> types) {
        for (String type : types) {
            as(actor, () -> filing.upload(tenant, claim.id(), type, new ClaimFiling.UploadedFile() {
                @Override
                public String fileName() {
                    return type.toLowerCase().replace('_', '-') + ".pdf";
                }

                @Override
                public long size() {
                    return SCAN.length;
                }

                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(SCAN);
                }
            }));
        }
    }

    private static Optional<Worker> worker(List<Worker> all, String name) {
        return all.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** The heir of the registration, with the bank account the claim needs. */
    private BeneficiaryDetails heir(String name, String relationship, Worker worker, String bank, String account) {
        return new BeneficiaryDetails(name, relationship, nikLike(worker, "010190", 101), bank, account);
    }

    /** A made-up but valid NIK in the worker's district, like DemoData's. */
    private static String nikLike(Worker worker, String ddmmyy, int serial) {
        return worker.nik().substring(0, 6) + ddmmyy + String.format("%04d", serial + Math.abs(worker.id().hashCode() % 500));
    }

    private static Actor person(String username, Optional<TenantId> tenant, Optional<String> office, Role role) {
        return new Actor(DemoData.demoUserId(username), username, Set.of(role), tenant, office, Actor.Kind.PERSON);
    }

    private static <T> T as(Actor actor, java.util.function.Supplier<T> work) {
        return SystemWork.callAs(actor, work);
    }
}
