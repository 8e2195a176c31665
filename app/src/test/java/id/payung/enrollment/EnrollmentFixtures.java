package id.payung.enrollment;

import id.payung.TestTenants;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test pemda and valid applications; every NIK is new to the test JVM's database. */
final class EnrollmentFixtures {

    /** Kota Kediri (35.71) and Kota Blitar (35.72), with a village of each. */
    static final String KEDIRI = "35.71";
    static final String KEDIRI_VILLAGE = "35.71.01.1001";
    static final String BLITAR = "35.72";
    static final String BLITAR_VILLAGE = "35.72.01.1001";

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 5000));

    static TenantId kediri(TenantAdministration administration) {
        return TestTenants.ensureOnboarded(administration, KEDIRI, "KC-KEDIRI");
    }

    static TenantId blitar(TenantAdministration administration) {
        return TestTenants.ensureOnboarded(administration, BLITAR, "KC-BLITAR");
    }

    /** A new man's NIK registered in Kediri, born 17 May 1990. */
    static String manNik() {
        return "3571011705" + "90" + serial();
    }

    /** A new woman's NIK, born 5 March 2001 (day 05 + 40). */
    static String womanNik() {
        return "3571014503" + "01" + serial();
    }

    private static String serial() {
        return String.format("%04d", SERIAL.incrementAndGet() % 9999 + 1);
    }

    static Application man(String nik, String village) {
        return new Application(nik, "Budi Santoso", "1990-05-17", "MALE", "Jl. Mawar 3 RT 01/RW 02", village,
                "0812 3456 7890", "OJEK", null, List.of(new HeirDetails("Siti Aminah", "SPOUSE", womanNik())));
    }

    static Actor operator(TenantId tenant) {
        return Acting.person("operator-" + tenant, Optional.of(tenant), Role.DISNAKER_OPERATOR);
    }

    static Actor sponsor(TenantId tenant, String subject) {
        return Acting.person(subject, Optional.of(tenant), Role.ASN_SPONSOR);
    }

    private EnrollmentFixtures() {
    }
}
