package id.payung.bench;

import id.payung.PayungApplication;
import id.payung.TestTenants;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.sponsorship.CycleBenchSupport;
import id.payung.tenancy.Opd;
import id.payung.tenancy.OpdRegistry;
import id.payung.tenancy.OpdRegistry.OpdDetails;
import id.payung.tenancy.TenantAdministration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The monthly cycle benchmark of issue 5 (docs/benchmarks.md has the command and the figures): a pemda with
 * 40 OPDs, 50,000 ASN sponsors and N covered workers (default 1,000,000: 60 % sponsored by the ASN through
 * TPP deduction, 40 % in an APBD cohort; fundings generated set-based, worker ids synthetic). It runs the
 * cycle for the current month through the same service the page and the API call, then times one plain
 * set-based INSERT … SELECT producing the same due rows into a bare table, checks both produced the same
 * rows and amounts, and prints both times and the ratio. Run it with the heap capped at 512 MB.
 */
public final class CycleBench {

    static final int OPDS = 40;
    static final int SPONSORS = 50_000;

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int asnWorkers = workers * 3 / 5;
        System.out.printf("bench: %,d covered workers (%,d ASN-sponsored by %,d sponsors in %d OPDs, %,d APBD cohort), max heap %,d MB%n",
                workers, asnWorkers, SPONSORS, OPDS, workers - asnWorkers, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // Default properties rank below application.yml (server.port: ${PORT:8080}); a system property outranks it.
        System.setProperty("server.port", "0");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PayungApplication.class)
                .profiles("dev-no-auth")
                .properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN")
                .run();
        try {
            TenantId tenant = TestTenants.ensureOnboarded(context.getBean(TenantAdministration.class), "16.71", "KC-PALEMBANG");
            OpdRegistry registry = context.getBean(OpdRegistry.class);
            List<UUID> opds = SystemWork.call("bench", () -> {
                List<UUID> ids = new ArrayList<>(registry.active(tenant).stream().map(o -> o.id().value()).toList());
                for (int i = ids.size(); i < OPDS; i++) {
                    Opd opd = registry.register(tenant, new OpdDetails(String.format("OPD%02d", i + 1), String.format("Dinas Bench %02d", i + 1)));
                    ids.add(opd.id().value());
                }
                return ids.subList(0, OPDS);
            });
            YearMonth period = YearMonth.now(ZoneId.of("Asia/Jakarta"));
            Environment env = context.getEnvironment();
            try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"))) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(owner, true));
                long t0 = System.nanoTime();
                Map<String, UUID> programs = generate(owner, jdbc, tenant, opds, workers, asnWorkers);
                System.out.printf("generated %,d fundings, %,d sponsors (roster, link, consent) in %.1f s%n", workers, SPONSORS,
                        (System.nanoTime() - t0) / 1e9);
                jdbc.execute("ANALYZE sponsorship.funding");
                jdbc.execute("ANALYZE sponsorship.asn_account_link");
                jdbc.execute("ANALYZE sponsorship.asn_roster_entry");
                // the same warm start for both: read the fundings once
                inTenant(owner, jdbc, tenant, () -> jdbc.queryForObject("SELECT sum(declared_income) FROM sponsorship.funding", Long.class));

                if (args.length > 1 && args[1].equals("explain")) {
                    for (String sql : List.of(
                            "SELECT count(*) FROM sponsorship.funding f JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id",
                            "SELECT sum(sponsorship.monthly_premium(f.declared_income, f.transport_sector, p.counts_as_apbd, '" + period.atDay(1) + "'::date))"
                                    + " FROM sponsorship.funding f JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id")) {
                        inTenant(owner, jdbc, tenant, () -> {
                            jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class).forEach(System.out::println);
                            return null;
                        });
                    }
                }
                var timed = CycleBenchSupport.runAs(context, tenant, period);
                var run = timed.run();
                System.out.printf("cycle: %s dues=%,d amount=Rp%,d lists=%d in %.1f s; stages began at %s%n", run.status(), run.duesTotal(),
                        run.amountTotal(), run.deductionLists(), timed.seconds(), timed.stageStartSeconds());

                // (a) the plain statement as one would first write it: the premium function per row
                double naive = plain(owner, jdbc, tenant, period, run, false);
                // (b) the same rows the way the cycle computes them: the function once per distinct combination
                double perCombination = plain(owner, jdbc, tenant, period, run, true);
                double best = Math.min(naive, perCombination);
                System.out.printf("RESULT workers=%d cycle=%.1fs plain-per-row=%.1fs plain-per-combination=%.1fs ratio=%.2fx against the "
                                + "faster plain statement (target <= 3.0x); %.2fx against the per-row one%n",
                        workers, timed.seconds(), naive, perCombination, timed.seconds() / best, timed.seconds() / naive);
                jdbc.execute("DROP SCHEMA bench CASCADE");
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /**
     * Times one plain set-based INSERT … SELECT of the period's due rows into a bare table (the same columns and
     * primary key as the dues, no row-level security, no other index) and checks it produced what the cycle did.
     */
    private static double plain(Connection owner, JdbcTemplate jdbc, TenantId tenant, YearMonth period, id.payung.sponsorship.CycleRun run,
                                boolean perCombination) throws Exception {
        jdbc.execute("DROP SCHEMA IF EXISTS bench CASCADE");
        jdbc.execute("CREATE SCHEMA bench");
        jdbc.execute("""
                CREATE TABLE bench.premium_due_plain (
                    tenant_id UUID NOT NULL, period DATE NOT NULL, program_id UUID NOT NULL, worker_id UUID NOT NULL,
                    funding_id UUID NOT NULL, sponsor_link_id UUID, opd_id UUID, amount BIGINT NOT NULL,
                    PRIMARY KEY (tenant_id, period, program_id, worker_id))""");
        Object day = period.atDay(1);
        long start = System.nanoTime();
        int rows = inTenant(owner, jdbc, tenant, () -> perCombination
                ? jdbc.update("""
                        INSERT INTO bench.premium_due_plain (tenant_id, period, program_id, worker_id, funding_id, sponsor_link_id, opd_id, amount)
                        SELECT f.tenant_id, ?::date, f.program_id, f.worker_id, f.funding_id, f.sponsor_link_id, f.opd_id, pr.amount
                        FROM sponsorship.funding f
                        JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                        JOIN (SELECT c.declared_income, c.transport_sector, c.counts_as_apbd,
                                     sponsorship.monthly_premium(c.declared_income, c.transport_sector, c.counts_as_apbd, ?::date) AS amount
                              FROM (SELECT DISTINCT f2.declared_income, f2.transport_sector, p2.counts_as_apbd
                                    FROM sponsorship.funding f2
                                    JOIN sponsorship.funding_program p2 ON p2.tenant_id = f2.tenant_id AND p2.program_id = f2.program_id
                                    WHERE f2.tenant_id = ? AND f2.first_period <= ?::date AND (f2.last_period IS NULL OR f2.last_period >= ?::date)) c) pr
                          ON pr.declared_income = f.declared_income AND pr.transport_sector = f.transport_sector AND pr.counts_as_apbd = p.counts_as_apbd
                        WHERE f.tenant_id = ? AND f.first_period <= ?::date AND (f.last_period IS NULL OR f.last_period >= ?::date)""",
                        day, day, tenant.value(), day, day, tenant.value(), day, day)
                : jdbc.update("""
                        INSERT INTO bench.premium_due_plain (tenant_id, period, program_id, worker_id, funding_id, sponsor_link_id, opd_id, amount)
                        SELECT f.tenant_id, ?::date, f.program_id, f.worker_id, f.funding_id, f.sponsor_link_id, f.opd_id,
                               sponsorship.monthly_premium(f.declared_income, f.transport_sector, p.counts_as_apbd, ?::date)
                        FROM sponsorship.funding f
                        JOIN sponsorship.funding_program p ON p.tenant_id = f.tenant_id AND p.program_id = f.program_id
                        WHERE f.tenant_id = ? AND f.first_period <= ?::date AND (f.last_period IS NULL OR f.last_period >= ?::date)""",
                        day, day, tenant.value(), day, day));
        double seconds = (System.nanoTime() - start) / 1e9;
        Long amount = jdbc.queryForObject("SELECT sum(amount) FROM bench.premium_due_plain", Long.class);
        System.out.printf("plain INSERT … SELECT (%s): %,d rows, Rp%,d in %.1f s%n", perCombination ? "premium per combination" : "premium per row",
                rows, amount, seconds);
        if (rows != run.duesTotal() || amount != run.amountTotal()) {
            throw new IllegalStateException("the cycle and the plain statement disagree: " + run.duesTotal() + "/" + run.amountTotal()
                    + " vs " + rows + "/" + amount);
        }
        return seconds;
    }

    /**
     * Programs, sponsors and fundings, set-based, as the owner role inside the tenant's scope (row-level
     * security is forced on the owner too). Sponsors: roster entry, approved account link, consent; sponsor i
     * belongs to OPD i mod 40 and funds the ASN workers j with j mod 50,000 = i; one worker in ten is in the
     * transport sector.
     */
    private static Map<String, UUID> generate(Connection owner, JdbcTemplate jdbc, TenantId tenant, List<UUID> opds, int workers,
                                              int asnWorkers) throws Exception {
        UUID asn = UUID.randomUUID();
        UUID cohort = UUID.randomUUID();
        inTenant(owner, jdbc, tenant, () -> {
            jdbc.update("DELETE FROM sponsorship.premium_due WHERE tenant_id = ?", tenant.value());
            jdbc.update("""
                    INSERT INTO sponsorship.funding_program (tenant_id, program_id, kind, name, counts_as_apbd, first_period, created_by)
                    VALUES (?, ?, 'ASN_TPP', ?, false, '2026-01-01', 'bench')""", tenant.value(), asn, "Sponsor ASN " + asn);
            jdbc.update("""
                    INSERT INTO sponsorship.funding_program (tenant_id, program_id, kind, name, counts_as_apbd, budget_ceiling, worker_quota,
                                                             first_period, created_by)
                    VALUES (?, ?, 'APBD_COHORT', ?, true, 9000000000000, 2000000, '2026-01-01', 'bench')""",
                    tenant.value(), cohort, "Kohort APBD " + cohort);
            jdbc.execute("CREATE TEMP TABLE bench_opd (n INT PRIMARY KEY, opd_id UUID NOT NULL) ON COMMIT DROP");
            for (int i = 0; i < opds.size(); i++) jdbc.update("INSERT INTO bench_opd VALUES (?, ?)", i, opds.get(i));
            jdbc.execute("""
                    CREATE TEMP TABLE bench_sponsor ON COMMIT DROP AS
                    SELECT s AS n, gen_random_uuid() AS link_id, gen_random_uuid() AS consent_id,
                           lpad((900000000000000000 + s)::text, 18, '0') AS nip, o.opd_id
                    FROM generate_series(0, %d) s JOIN bench_opd o ON o.n = s %% %d""".formatted(SPONSORS - 1, opds.size()));
            jdbc.update("""
                    INSERT INTO sponsorship.asn_roster_entry (tenant_id, entry_id, nip, name, opd_id)
                    SELECT ?, gen_random_uuid(), s.nip, 'ASN Bench ' || s.n, s.opd_id FROM bench_sponsor s ON CONFLICT DO NOTHING""", tenant.value());
            jdbc.update("""
                    INSERT INTO sponsorship.asn_account_link (tenant_id, link_id, subject, nip, opd_id, status, decided_by, decided_at)
                    SELECT ?, s.link_id, 'bench-asn-' || s.nip, s.nip, s.opd_id, 'APPROVED', 'roster', now() FROM bench_sponsor s""", tenant.value());
            jdbc.update("""
                    INSERT INTO sponsorship.deduction_consent (tenant_id, consent_id, link_id, subject, text, text_sha256, language)
                    SELECT ?, s.consent_id, s.link_id, 'bench-asn-' || s.nip, 'Saya setuju TPP saya dipotong untuk iuran BPJS Ketenagakerjaan.',
                           encode(sha256(convert_to('Saya setuju TPP saya dipotong untuk iuran BPJS Ketenagakerjaan.', 'UTF8')), 'hex'), 'id'
                    FROM bench_sponsor s""", tenant.value());
            jdbc.update("""
                    INSERT INTO sponsorship.funding (tenant_id, funding_id, program_id, worker_id, first_period, sponsor_link_id, opd_id,
                                                     relationship, consent_id, declared_income, transport_sector, created_by)
                    SELECT ?, gen_random_uuid(), ?, gen_random_uuid(), '2026-01-01', s.link_id, s.opd_id, 'ART', s.consent_id,
                           1000000, j %% 10 = 0, 'bench'
                    FROM generate_series(0, %d) j JOIN bench_sponsor s ON s.n = j %% %d""".formatted(asnWorkers - 1, SPONSORS),
                    tenant.value(), asn);
            jdbc.update("""
                    INSERT INTO sponsorship.funding (tenant_id, funding_id, program_id, worker_id, first_period, declared_income,
                                                     transport_sector, created_by)
                    SELECT ?, gen_random_uuid(), ?, gen_random_uuid(), '2026-01-01', 1000000, j % 10 = 0, 'bench'
                    FROM generate_series(0, ?) j""", tenant.value(), cohort, workers - asnWorkers - 1);
            return null;
        });
        return Map.of("asn", asn, "cohort", cohort);
    }

    /** Runs the work in one owner transaction bound to the tenant (SET LOCAL, as the application does). */
    private static <T> T inTenant(Connection owner, JdbcTemplate jdbc, TenantId tenant, java.util.function.Supplier<T> work) throws Exception {
        owner.setAutoCommit(false);
        try {
            jdbc.execute("SET LOCAL app.tenant_id = '" + UUID.fromString(tenant.value().toString()) + "'");
            T result = work.get();
            owner.commit();
            return result;
        } catch (Exception e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(true);
        }
    }

    private CycleBench() {
    }
}
