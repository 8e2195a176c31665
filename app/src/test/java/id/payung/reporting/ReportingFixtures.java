package id.payung.reporting;

import id.payung.TestTenants;
import id.payung.enrollment.WorkerCoverageStatus;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.platform.Actor;
import id.payung.platform.RegionCode;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.Region;
import id.payung.tenancy.Regions;
import id.payung.tenancy.TenantAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * A pemda with OPDs, villages in two districts and workers, set up through the real services of the
 * other modules; events of modules whose services are not built yet (sponsorship's cycle, claims) are
 * published as those modules will publish them, after a committed transaction.
 */
final class ReportingFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 5000));
    private static final AtomicLong KPJ = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L));

    /** A pemda as a test sets it up: its id, OPDs, and villages (two in the first district, one in the second). */
    record Pemda(TenantId tenant, String regionCode, String office, Opd disnaker, Opd dinkes, String village1, String village2,
                 String otherDistrictVillage) {

        String district1() {
            return village1.substring(0, 8);
        }

        String district2() {
            return otherDistrictVillage.substring(0, 8);
        }
    }

    static Pemda pemda(TenantAdministration administration, OpdRegistry opds, Regions regions, String regionCode, String office,
                       String targetPercent, long potentialWorkers) {
        TenantId tenant = TestTenants.ensureOnboarded(administration, regionCode, office);
        return SystemWork.call("test", () -> {
            administration.setTarget(tenant, new BigDecimal(targetPercent), potentialWorkers);
            var existing = opds.active(tenant);
            Opd disnaker = existing.stream().filter(o -> o.code().equals("DISNAKER")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DISNAKER", "Dinas Tenaga Kerja")));
            Opd dinkes = existing.stream().filter(o -> o.code().equals("DINKES")).findFirst()
                    .orElseGet(() -> opds.register(tenant, new OpdDetails("DINKES", "Dinas Kesehatan")));
            List<Region> districts = regions.children(RegionCode.parse(regionCode));
            List<Region> first = regions.children(districts.get(0).code());
            List<Region> second = regions.children(districts.get(1).code());
            return new Pemda(tenant, regionCode, office, disnaker, dinkes, first.get(0).code().value(), first.get(1).code().value(),
                    second.get(0).code().value());
        });
    }

    /** Registers a new worker (a man born 12 Aug 1985) in a village, as the Disnaker operator. */
    static UUID register(WorkerRegistration registration, TenantId tenant, String village, String occupation) {
        int serial = SERIAL.incrementAndGet() % 9999 + 1;
        String nik = "127101120885" + String.format("%04d", serial);
        String heir = "127101520885" + String.format("%04d", serial);
        return SystemWork.callAs(operator(tenant), () -> registration.register(tenant, new Application(nik, "Pekerja Uji " + serial,
                "1985-08-12", "MALE", "Jl. Melati 1 RT 01/RW 01", village, null, occupation, null,
                List.of(new HeirDetails("Istri Pekerja " + serial, "SPOUSE", heir))))).worker().id();
    }

    static void verify(WorkerLifecycle lifecycle, Pemda pemda, UUID worker) {
        SystemWork.callAs(bpjs(pemda.office()), () -> lifecycle.verify(pemda.tenant(), worker, Long.toString(KPJ.incrementAndGet())));
    }

    /** What sponsorship's listener of ContributionPaid does (ADR 0007): the paid month activates the workers. */
    static void activate(WorkerCoverageStatus coverageStatus, TenantId tenant, List<UUID> workers, YearMonth period) {
        SystemWork.call("test", () -> coverageStatus.activate(tenant, workers, period));
    }

    static void lapse(WorkerCoverageStatus coverageStatus, TenantId tenant, List<UUID> workers, YearMonth period) {
        SystemWork.call("test", () -> coverageStatus.lapse(tenant, workers, period));
    }

    /** Publishes events the way a module does: inside a transaction, delivered to listeners after it commits. */
    static void publish(PlatformTransactionManager transactions, ApplicationEventPublisher publisher, Object... events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (Object event : events) publisher.publishEvent(event);
        });
    }

    /** Waits until reporting has applied every event published since {@code since} (its publications are complete). */
    static void awaitReadModels(JdbcTemplate jdbc, Instant since) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM events.event_publication
                WHERE completion_date IS NULL AND listener_id LIKE 'id.payung.reporting.%' AND publication_date >= ?""",
                Long.class, Timestamp.from(since.minusSeconds(1))) == 0);
    }

    static Actor operator(TenantId tenant) {
        return new Actor("operator-" + tenant, "Operator", Set.of(Role.DISNAKER_OPERATOR), Optional.of(tenant), Optional.empty(), Actor.Kind.PERSON);
    }

    static Actor member(TenantId tenant, Role... roles) {
        return new Actor(roles[0].realmRole() + "-" + tenant, roles[0].realmRole(), Set.of(roles), Optional.of(tenant), Optional.empty(),
                Actor.Kind.PERSON);
    }

    static Actor bpjs(String office) {
        return new Actor("bpjs-" + office, "Petugas " + office, Set.of(Role.BPJS_STAFF), Optional.empty(), Optional.of(office), Actor.Kind.PERSON);
    }

    static List<UUID> ids(UUID... ids) {
        return new ArrayList<>(List.of(ids));
    }

    private ReportingFixtures() {
    }
}
