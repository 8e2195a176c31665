package id.payung.sponsorship;

import id.payung.enrollment.WorkerFacts;
import id.payung.enrollment.WorkerLifecycle;
import id.payung.enrollment.WorkerRegistration;
import id.payung.enrollment.WorkerRegistration.Application;
import id.payung.enrollment.WorkerRegistration.HeirDetails;
import id.payung.enrollment.WorkerStatus;
import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.support.Acting;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.TenantAdministration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cycle's tests share: the services, a pemda with two OPDs, actors, real workers, running a cycle to its end. */
abstract class CycleTestSupport {

    private static final AtomicInteger NIK_SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 5_000));
    private static final AtomicLong KPJ = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000_000L, 90_000_000_000L));

    @Autowired MonthlyCycle cycle;
    @Autowired DeductionLists lists;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired CycleSettings settings;
    @Autowired DoubleFunding doubleFunding;
    @Autowired CoverageLedger ledger;
    @Autowired TenantAdministration administration;
    @Autowired OpdRegistry opds;
    @Autowired TenantTransactions transactions;
    @Autowired DSLContext db;
    @Autowired JdbcTemplate jdbc;
    @Autowired WorkerRegistration registration;
    @Autowired WorkerLifecycle lifecycle;
    @Autowired WorkerFacts facts;

    CycleFixtures fixtures() {
        return new CycleFixtures(transactions, db);
    }

    SponsorshipFixtures pemda(String regionCode, String office) {
        return SponsorshipFixtures.pemda(administration, opds, regionCode, office);
    }

    static Actor operator(TenantId tenant) {
        return Acting.person("operator-" + tenant, Optional.of(tenant), Role.DISNAKER_OPERATOR);
    }

    static Actor head(TenantId tenant, CycleFixtures.Sponsor headsOwnLink) {
        return Acting.person(headsOwnLink.subject(), Optional.of(tenant), Role.OPD_HEAD, Role.ASN_SPONSOR);
    }

    static Actor bpjs(String office) {
        return new Actor("bpjs-" + office, "Petugas " + office, Set.of(Role.BPJS_STAFF), Optional.empty(), Optional.of(office),
                Actor.Kind.PERSON);
    }

    static <T> T as(Actor actor, Supplier<T> work) {
        return Acting.as(actor, work);
    }

    /** Runs the cycle for the period as the pemda's operator and waits for the background work to end. */
    CycleRun runAndWait(TenantId tenant, YearMonth period) {
        var started = as(operator(tenant), () -> cycle.startRun(tenant, period.toString()));
        try {
            started.work().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the run did not finish", e);
        }
        CycleRun run = as(operator(tenant), () -> cycle.run(tenant, started.run().id()));
        assertThat(run.status()).as("run of %s: %s", period, run.problem()).isEqualTo(CycleRun.Status.COMPLETED);
        return run;
    }

    List<DeductionList> listsOf(TenantId tenant, YearMonth period) {
        return as(operator(tenant), () -> lists.ofPeriod(tenant, period.toString()));
    }

    DeductionList listOf(TenantId tenant, YearMonth period, Opd opd) {
        return listsOf(tenant, period).stream().filter(l -> l.opdId().equals(opd.id())).findFirst().orElseThrow();
    }

    /** A real worker of the pemda, registered and verified with a KPJ through enrollment. */
    UUID verifiedWorker(TenantId tenant, String office) {
        return verifiedWorker(tenant, office, newNik());
    }

    /** A NIK nobody registered yet in this test JVM (a man born 17 May 1990, region 33.72.01). */
    static String newNik() {
        return "3372011705" + "90" + String.format("%04d", NIK_SERIAL.incrementAndGet() % 9999 + 1);
    }

    UUID verifiedWorker(TenantId tenant, String office, String nik) {
        String village = jdbc.queryForObject("SELECT min(code) FROM tenancy.region WHERE level = 'VILLAGE' AND code LIKE ?",
                String.class, SystemWork.call("test", () -> administration.find(tenant)).orElseThrow().regionCode().value() + ".%");
        String heirSerial = String.format("%04d", NIK_SERIAL.incrementAndGet() % 9999 + 1);
        var application = new Application(nik, "Pekerja Uji", "1990-05-17", "MALE", "Jl. Melati 7",
                village, "081234567890", "ART", null, List.of(new HeirDetails("Ahli Waris Uji", "SPOUSE", "3372014503" + "01" + heirSerial)));
        UUID worker = as(operator(tenant), () -> registration.register(tenant, application)).worker().id();
        as(bpjs(office), () -> lifecycle.verify(tenant, worker, Long.toString(KPJ.incrementAndGet())));
        return worker;
    }

    WorkerStatus statusOf(TenantId tenant, UUID worker) {
        return SystemWork.call("test read", () -> facts.profile(tenant, worker)).orElseThrow().status();
    }

    /** Waits (at most 10 s) for a listener's effect: listeners run after the commit of what they listen to. */
    static void eventually(Runnable assertion) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) throw e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
