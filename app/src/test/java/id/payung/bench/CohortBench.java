package id.payung.bench;

import id.payung.PayungApplication;
import id.payung.TestTenants;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.sponsorship.FundingProgram;
import id.payung.sponsorship.FundingPrograms;
import id.payung.sponsorship.ProgramEnrolment;
import id.payung.support.Acting;
import id.payung.tenancy.TenantAdministration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Adding an APBD cohort of N workers (default 90,000, Sumatera Selatan's) to a program through the same
 * service the page and the API call ({@link ProgramEnrolment#addWorkers}: worker facts, overlap, quota
 * and ceiling against monthly_premium, one INSERT, one SponsorshipStarted per funding, audit), against one
 * plain INSERT ... SELECT of the same funding rows. The workers are written straight into the worker
 * table first (setup, not measured). See docs/benchmarks.md.
 */
public final class CohortBench {

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 90_000;
        System.out.printf("bench: cohort of %,d workers, max heap %,d MB%n", workers, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PayungApplication.class)
                .profiles("dev-no-auth")
                .properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN")
                .run();
        try {
            TenantId tenant = TestTenants.ensureOnboarded(context.getBean(TenantAdministration.class), "16.71", "KC-PALEMBANG");
            var operator = Acting.person("bench-operator", Optional.of(tenant), Role.DISNAKER_OPERATOR);
            Environment env = context.getEnvironment();
            try (Connection owner = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"))) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(owner, true));
                jdbc.execute("SET app.tenant_id = '" + tenant.value() + "'");
                long t0 = System.nanoTime();
                int stored = jdbc.update("""
                        INSERT INTO enrollment.worker (tenant_id, worker_id, nik, name, birth_date, sex, address, village_code,
                                                       occupation_code, income_level_code, status, registered_by)
                        SELECT ?, gen_random_uuid(), '16710' || lpad(g::text, 11, '0'), 'Pekerja Kohort ' || g, DATE '1990-05-17',
                               'MALE', 'Jl. Kohort', (SELECT min(code) FROM tenancy.region WHERE level = 'VILLAGE' AND code LIKE '16.71.%'),
                               CASE WHEN g % 10 = 0 THEN 'OJEK' ELSE 'PETANI' END,
                               (SELECT level_code FROM enrollment.income_level ORDER BY income LIMIT 1), 'REGISTERED', 'bench'
                        FROM generate_series(1, ?) g""", tenant.value(), workers);
                List<UUID> ids = jdbc.queryForList("SELECT worker_id FROM enrollment.worker WHERE tenant_id = ? ORDER BY worker_id",
                        UUID.class, tenant.value());
                System.out.printf("setup: %,d workers written in %.1f s%n", stored, (System.nanoTime() - t0) / 1e9);

                var programs = context.getBean(FundingPrograms.class);
                var now = FundingPrograms.currentMonth();
                FundingProgram cohort = Acting.as(operator, () -> programs.create(tenant, new FundingPrograms.ProgramDetails("APBD_COHORT",
                        "Kohort bench", null, String.valueOf(2L * workers * 16_800 * 12), String.valueOf(2 * workers), null,
                        now.toString(), now.plusMonths(11).toString(), null)));
                FundingProgram plain = Acting.as(operator, () -> programs.create(tenant, new FundingPrograms.ProgramDetails("APBD_COHORT",
                        "Kohort bench plain", null, "1000000000000", String.valueOf(2 * workers), null,
                        now.toString(), now.plusMonths(11).toString(), null)));

                long serviceStart = System.nanoTime();
                var result = Acting.as(operator, () -> context.getBean(ProgramEnrolment.class).addWorkers(tenant, cohort.id(), ids, now.toString()));
                double serviceSeconds = (System.nanoTime() - serviceStart) / 1e9;
                System.out.printf("ProgramEnrolment.addWorkers: added=%,d in %.1f s%n", result.added(), serviceSeconds);

                long plainStart = System.nanoTime();
                int inserted = jdbc.update("""
                        INSERT INTO sponsorship.funding (tenant_id, funding_id, program_id, worker_id, first_period, last_period,
                                                         declared_income, transport_sector, created_by)
                        SELECT w.tenant_id, gen_random_uuid(), ?, w.worker_id, ?, ?, 1000000, w.occupation_code = 'OJEK', 'bench'
                        FROM enrollment.worker w WHERE w.tenant_id = ?""",
                        plain.id(), now.atDay(1), now.plusMonths(11).atDay(1), tenant.value());
                double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
                System.out.printf("plain INSERT ... SELECT: %,d rows in %.1f s%n", inserted, plainSeconds);
                System.out.printf("RESULT workers=%d service=%.2fs plain=%.2fs ratio=%.1fx%n", workers, serviceSeconds, plainSeconds,
                        serviceSeconds / plainSeconds);
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }
}
