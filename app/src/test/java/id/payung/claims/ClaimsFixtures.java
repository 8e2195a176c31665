package id.payung.claims;

import id.payung.TestTenants;
import id.payung.claims.ClaimFiling.BeneficiaryDetails;
import id.payung.claims.ClaimFiling.ChildDetails;
import id.payung.claims.ClaimFiling.Report;
import id.payung.claims.ClaimFiling.UploadedFile;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.sponsorship.CoverageLedger;
import id.payung.sponsorship.CoverageLedger.PaidWorkerMonth;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static id.payung.sponsorship.persistence.jooq.Tables.FUNDING_PROGRAM;

/**
 * Two test pemda (Kota Pekalongan 33.75, Kota Tegal 33.76), their people, workers registered through
 * enrollment and months paid through sponsorship's ledger (with a funding program row as the
 * funding-program service would store it; that service is not part of these tests).
 */
@Component
class ClaimsFixtures {

    static final String PEKALONGAN = "33.75";
    static final String PEKALONGAN_OFFICE = "KC-PEKALONGAN";
    static final String PEKALONGAN_VILLAGE = "33.75.01.1002";
    static final String TEGAL = "33.76";
    static final String TEGAL_OFFICE = "KC-TEGAL";
    static final String TEGAL_VILLAGE = "33.76.01.1001";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 4000));
    private static final Map<TenantId, UUID> PROGRAMS = new ConcurrentHashMap<>();

    private final WorkerRegistration registration;
    private final CoverageLedger ledger;
    private final TenantTransactions transactions;
    private final TenantAdministration administration;
    private final DSLContext db;

    ClaimsFixtures(WorkerRegistration registration, CoverageLedger ledger, TenantTransactions transactions,
                   TenantAdministration administration, DSLContext db) {
        this.registration = registration;
        this.ledger = ledger;
        this.transactions = transactions;
        this.administration = administration;
        this.db = db;
    }

    static LocalDate today() {
        return LocalDate.now(JAKARTA);
    }

    TenantId pekalongan() {
        return TestTenants.ensureOnboarded(administration, PEKALONGAN, PEKALONGAN_OFFICE);
    }

    TenantId tegal() {
        return TestTenants.ensureOnboarded(administration, TEGAL, TEGAL_OFFICE);
    }

    static Actor operator(TenantId tenant) {
        return Acting.person("operator-" + tenant, Optional.of(tenant), Role.DISNAKER_OPERATOR);
    }

    static Actor sponsor(TenantId tenant, String subject) {
        return Acting.person(subject, Optional.of(tenant), Role.ASN_SPONSOR);
    }

    static Actor kepala(TenantId tenant) {
        return Acting.person("kepala-" + tenant, Optional.of(tenant), Role.KEPALA_DAERAH);
    }

    static Actor opdHead(TenantId tenant) {
        return Acting.person("opd-" + tenant, Optional.of(tenant), Role.OPD_HEAD);
    }

    static Actor bpjs(String office) {
        return new Actor("bpjs-" + office, "Petugas " + office, Set.of(Role.BPJS_STAFF), Optional.empty(),
                Optional.of(office), Actor.Kind.PERSON);
    }

    private static String serial() {
        return String.format("%04d", SERIAL.incrementAndGet() % 9999 + 1);
    }

    /** A new man's NIK of Kota Pekalongan, born 17 May 1990 (same digits are valid in Tegal's province). */
    static String workerNik() {
        return "3375011705" + "90" + serial();
    }

    /** A new woman's NIK, born 5 March 1992 (day 05 + 40). */
    static String heirNik() {
        return "3375014503" + "92" + serial();
    }

    /** A child's NIK, born 12 June 2015. */
    static String childNik() {
        return "3375011206" + "15" + serial();
    }

    /** Registers a new worker (declared income level given, null: the lowest, Rp1,000,000) as {@code registrant}. */
    UUID worker(TenantId tenant, Actor registrant, String incomeLevel) {
        String village = tenant.equals(tegal()) ? TEGAL_VILLAGE : PEKALONGAN_VILLAGE;
        return Acting.as(registrant, () -> registration.register(tenant, new Application(workerNik(), "Slamet Riyadi",
                "1990-05-17", "MALE", "Jl. Merdeka 7", village, null, "NELAYAN", incomeLevel,
                List.of(new HeirDetails("Sri Wahyuni", "SPOUSE", heirNik()))))).worker().id();
    }

    UUID worker(TenantId tenant) {
        return worker(tenant, operator(tenant), null);
    }

    /** Marks every month from {@code first} to {@code last} paid for the worker. */
    void paid(TenantId tenant, UUID workerId, YearMonth first, YearMonth last) {
        UUID program = PROGRAMS.computeIfAbsent(tenant, this::program);
        SystemWork.run("test payment", () -> transactions.inTenant(tenant, () -> {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                ledger.recordPaid(tenant, UUID.randomUUID(), program, month, List.of(new PaidWorkerMonth(workerId, 16_800)));
            }
        }));
    }

    private UUID program(TenantId tenant) {
        UUID id = UUID.randomUUID();
        SystemWork.run("test setup", () -> transactions.inTenant(tenant, () -> db.insertInto(FUNDING_PROGRAM)
                .set(FUNDING_PROGRAM.TENANT_ID, tenant.value()).set(FUNDING_PROGRAM.PROGRAM_ID, id)
                .set(FUNDING_PROGRAM.KIND, "APBD_COHORT").set(FUNDING_PROGRAM.NAME, "Kohort klaim " + id)
                .set(FUNDING_PROGRAM.COUNTS_AS_APBD, true).set(FUNDING_PROGRAM.BUDGET_CEILING, 1_000_000_000L)
                .set(FUNDING_PROGRAM.WORKER_QUOTA, 1000).set(FUNDING_PROGRAM.FIRST_PERIOD, LocalDate.of(2015, 7, 1))
                .set(FUNDING_PROGRAM.CREATED_BY, "test").execute()));
        return id;
    }

    static BeneficiaryDetails heir() {
        return new BeneficiaryDetails("Sri Wahyuni", "SPOUSE", heirNik(), "BRI", "0123456789");
    }

    static ChildDetails child(String level) {
        return new ChildDetails("Dewi Lestari", childNik(), "2015-06-12", level);
    }

    static Report death(ClaimKind kind, UUID workerId, LocalDate incident, List<ChildDetails> children) {
        return new Report(workerId.toString(), kind.name(), incident.toString(), null, "Rumah, Kelurahan Medono",
                "Meninggal dunia di rumah karena sakit jantung.", false, List.of(heir()), children);
    }

    static Report jkm(UUID workerId, LocalDate incident) {
        return death(ClaimKind.JKM_DEATH, workerId, incident, List.of());
    }

    static Report accident(UUID workerId, LocalDate incident, String time, boolean traffic) {
        return new Report(workerId.toString(), ClaimKind.JKK_ACCIDENT.name(), incident.toString(), time,
                "Pelabuhan Pekalongan", "Terjatuh dari perahu saat menurunkan ikan, kaki kanan patah.", traffic,
                List.of(new BeneficiaryDetails(null, null, null, "BRI", "0987654321")), List.of());
    }

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    static UploadedFile file(String name, byte[] content) {
        return file(name, content, content.length);
    }

    /** A file that says it is {@code size} bytes long (a browser's multipart part says so before it is read). */
    static UploadedFile file(String name, byte[] content, long size) {
        return new UploadedFile() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }
}
