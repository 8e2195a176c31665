package id.payung.sponsorship;

import id.payung.TestTenants;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.Actor;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.Region;
import id.payung.tenancy.Regions;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationContext;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static id.payung.sponsorship.persistence.jooq.Tables.ASN_ACCOUNT_LINK;

/**
 * A test pemda for the sponsorship tests, set up through the real services: OPDs DISNAKER and DINKES,
 * workers registered by its operator, ASN on the roster with an approved account link.
 */
final class SponsorshipWorld {

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 3000));

    final ApplicationContext context;
    final TenantId tenant;
    final Opd disnaker;
    final Opd dinkes;
    final String nikRegion;
    final String village;

    /** An ASN of the pemda: his Keycloak subject, NIP and the OPD of his approved link. */
    record Asn(String subject, String nip, Opd opd) {
        Actor actor(TenantId tenant) {
            return Acting.person(subject, Optional.of(tenant), Role.ASN_SPONSOR);
        }
    }

    SponsorshipWorld(ApplicationContext context, String regionCode, String office) {
        this.context = context;
        TenantAdministration administration = context.getBean(TenantAdministration.class);
        OpdRegistry opds = context.getBean(OpdRegistry.class);
        this.tenant = TestTenants.ensureOnboarded(administration, regionCode, office);
        Opd[] two = SystemWork.call("test", () -> {
            var existing = opds.active(tenant);
            Opd a = existing.stream().filter(o -> o.code().equals("DISNAKER")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DISNAKER", "Dinas Tenaga Kerja")));
            Opd b = existing.stream().filter(o -> o.code().equals("DINKES")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DINKES", "Dinas Kesehatan")));
            return new Opd[]{a, b};
        });
        this.disnaker = two[0];
        this.dinkes = two[1];
        Regions regions = context.getBean(Regions.class);
        Region district = regions.children(RegionCode.parse(regionCode)).getFirst();
        while (district.level() != RegionCode.Level.DISTRICT) district = regions.children(district.code()).getFirst();
        this.nikRegion = district.code().value().replace(".", "");
        this.village = regions.children(district.code()).getFirst().code().value();
    }

    Actor operator() {
        return Acting.person("operator-" + tenant, Optional.of(tenant), Role.DISNAKER_OPERATOR);
    }

    Actor kepala() {
        return Acting.person("kepala-" + tenant, Optional.of(tenant), Role.KEPALA_DAERAH);
    }

    Actor bpjs() {
        return Acting.person("bpjs-" + tenant, Optional.of(tenant), Role.BPJS_STAFF);
    }

    static int serial() {
        return SERIAL.incrementAndGet() % 9999 + 1;
    }

    /** A new man's NIK of this pemda, born 17 May 1990. */
    String manNik() {
        return nikRegion + "170590" + String.format("%04d", serial());
    }

    /** A new woman's NIK of this pemda, born 5 March 2001. */
    String womanNik() {
        return nikRegion + "450301" + String.format("%04d", serial());
    }

    Application man(String nik, String occupation) {
        return new Application(nik, "Budi Santoso", "1990-05-17", "MALE", "Jl. Mawar 3 RT 01/RW 02", village, null,
                occupation, null, List.of(new HeirDetails("Siti Aminah", "SPOUSE", womanNik())));
    }

    /** A worker registered by the Disnaker operator (not by any ASN). */
    UUID registerWorker(String nik, String occupation) {
        return Acting.as(operator(), () -> context.getBean(WorkerRegistration.class).register(tenant, man(nik, occupation)))
                .worker().id();
    }

    UUID registerWorker(String occupation) {
        return registerWorker(manNik(), occupation);
    }

    /** A unique PNS NIP (born 15 June 1985, appointed March 2010). */
    static String nip() {
        return "19850615201003" + "1" + String.format("%03d", serial() % 1000);
    }

    /** An ASN on the OPD's roster who linked his account (approved at once from the roster). */
    Asn asn(String name, Opd opd) {
        String nip = nip();
        String subject = "asn-" + UUID.randomUUID();
        Acting.run(operator(), () -> context.getBean(AsnRoster.class).add(tenant, new AsnRoster.EntryDetails(nip, name, opd.id().toString())));
        Acting.run(Acting.newcomer(subject), () -> context.getBean(AsnRegistration.class).register(
                new AsnRegistration.Application(tenant.toString(), opd.id().toString(), nip, "1985-06-15")));
        return new Asn(subject, nip, opd);
    }

    /**
     * An ASN on the roster whose account link is written straight into the table, approved from the
     * roster, for test contexts where Keycloak provisioning is on but Keycloak is not running.
     */
    Asn asnLinkedInDatabase(String name, Opd opd, String subject) {
        String nip = nip();
        Acting.run(operator(), () -> context.getBean(AsnRoster.class).add(tenant, new AsnRoster.EntryDetails(nip, name, opd.id().toString())));
        var db = context.getBean(org.jooq.DSLContext.class);
        SystemWork.run("test", () -> context.getBean(id.payung.platform.TenantTransactions.class).inTenant(tenant, () -> {
            db.insertInto(ASN_ACCOUNT_LINK).set(ASN_ACCOUNT_LINK.TENANT_ID, tenant.value())
                    .set(ASN_ACCOUNT_LINK.LINK_ID, UUID.randomUUID()).set(ASN_ACCOUNT_LINK.SUBJECT, subject)
                    .set(ASN_ACCOUNT_LINK.NIP, nip).set(ASN_ACCOUNT_LINK.OPD_ID, opd.id().value()).set(ASN_ACCOUNT_LINK.STATUS, "APPROVED")
                    .set(ASN_ACCOUNT_LINK.DECIDED_BY, "roster").set(ASN_ACCOUNT_LINK.DECIDED_AT, java.time.OffsetDateTime.now()).execute();
        }));
        return new Asn(subject, nip, opd);
    }

    /** The pemda's ASN (TPP) program, created when missing; counts as APBD or not as asked the first time. */
    FundingProgram asnProgram(boolean countsAsApbd) {
        FundingPrograms programs = context.getBean(FundingPrograms.class);
        return SystemWork.call("test", () -> programs.asnProgram(tenant).orElseGet(() -> Acting.as(operator(), () -> programs.create(tenant,
                new FundingPrograms.ProgramDetails("ASN_TPP", "Sponsor ASN " + tenant.toString().substring(0, 8), countsAsApbd,
                        null, null, null, YearMonth.now().minusMonths(1).toString(), null, null)))));
    }

    static YearMonth thisMonth() {
        return FundingPrograms.currentMonth();
    }

    /**
     * The premium the rules of DOMAIN.md give (lowest income level: JKK Rp10,000 + JKM Rp6,800), with the
     * PP 50/2025 50 % discount for transport workers Jan 2026 - Mar 2027 and the others Apr - Dec 2026,
     * withheld when the program counts as APBD: an oracle independent of the rate tables.
     */
    static long expectedPremium(YearMonth month, boolean transport, boolean countsAsApbd) {
        long base = 16_800;
        boolean discounted = !countsAsApbd && (transport
                ? !month.isBefore(YearMonth.of(2026, 1)) && !month.isAfter(YearMonth.of(2027, 3))
                : !month.isBefore(YearMonth.of(2026, 4)) && !month.isAfter(YearMonth.of(2026, 12)));
        return discounted ? base - base * 5000 / 10000 : base;
    }
}
