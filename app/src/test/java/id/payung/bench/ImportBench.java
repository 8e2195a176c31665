package id.payung.bench;

import id.payung.PayungApplication;
import id.payung.TestTenants;
import id.payung.enrollment.WorkerImportBench;
import id.payung.enrollment.WorkerImports;
import id.payung.platform.TenantId;
import id.payung.tenancy.TenantAdministration;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

/**
 * The import benchmark of issue 4 (see docs/benchmarks.md for the command and the figures): generates a
 * valid CSV of N rows (default 1,000,000) for one tenant, imports it through the same service the
 * endpoint calls, then loads the same file with plain PostgreSQL COPY into a bare table with the same
 * columns and indexes, and prints both times and the ratio. Run with the heap capped at 512 MB.
 */
public final class ImportBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("registrations")) {
            registrations(args.length > 1 ? Integer.parseInt(args[1]) : 2_000, args.length > 2 ? Integer.parseInt(args[2]) : 4);
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<WorkerImports.Mode> modes = args.length > 1
                ? java.util.Arrays.stream(args[1].split(",")).map(WorkerImports.Mode::valueOf).toList()
                : List.of(WorkerImports.Mode.ALL_OR_NOTHING, WorkerImports.Mode.KEEP_GOOD_ROWS);
        System.out.printf("bench: %,d rows, modes %s, max heap %,d MB%n", rows, modes, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PayungApplication.class)
                .profiles("dev-no-auth")
                .properties("logging.level.root=WARN", "logging.level.id.payung.enrollment.WorkerImports=INFO")
                // arguments, not default properties: application.yml's server.port would win over those
                .run("--server.port=0", "--server.address=127.0.0.1");
        try {
            Environment env = context.getEnvironment();
            String url = env.getRequiredProperty("spring.datasource.url");
            try (Connection owner = DriverManager.getConnection(url, env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"))) {
                JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(owner, true));
                // One pemda per mode, so that each import starts from an empty register of the same size.
                String[][] pemda = {{"35.71", "KC-KEDIRI"}, {"35.72", "KC-BLITAR"}};
                List<double[]> results = new java.util.ArrayList<>();
                Path copyFile = null;
                for (int m = 0; m < modes.size(); m++) {
                    String region = pemda[m][0];
                    TenantId tenant = TestTenants.ensureOnboarded(context.getBean(TenantAdministration.class), region, pemda[m][1]);
                    List<String> villages = jdbc.queryForList(
                            "select code from tenancy.region where level = 'VILLAGE' and code like ? order by code", String.class, region + ".%");
                    if (villages.isEmpty()) throw new IllegalStateException("no village of " + region + " in the region data");
                    Path file = Files.createTempFile("payung-bench-", ".csv");
                    long t0 = System.nanoTime();
                    generate(file, rows, region.replace(".", ""), villages);
                    System.out.printf("generated %s (%,d bytes) in %.1f s%n", file, Files.size(file), (System.nanoTime() - t0) / 1e9);

                    long importStart = System.nanoTime();
                    var job = WorkerImportBench.importAs(context, tenant, file, modes.get(m));
                    double importSeconds = (System.nanoTime() - importStart) / 1e9;
                    System.out.printf("import %s: %s read=%,d valid=%,d rejected=%,d stored=%,d existing=%,d in %.1f s (%,.0f rows/s)%n",
                            modes.get(m), job.status(), job.rowsRead(), job.rowsValid(), job.rowsRejected(), job.rowsStored(),
                            job.rowsExisting(), importSeconds, rows / importSeconds);
                    results.add(new double[]{importSeconds});
                    if (copyFile == null) copyFile = file;
                    else Files.deleteIfExists(file);
                }

                jdbc.execute("drop schema if exists bench cascade");
                jdbc.execute("create schema bench");
                jdbc.execute("""
                        create table bench.worker_copy (
                            tenant_id uuid not null default '%s',
                            nik text not null, nama text not null, tanggal_lahir date not null, jenis_kelamin text not null,
                            alamat text not null, kode_desa text not null, telepon text, pekerjaan text not null,
                            tingkat_penghasilan text, ahli_waris_nama text not null, ahli_waris_hubungan text not null,
                            ahli_waris_nik text not null,
                            primary key (tenant_id, nik))""".formatted(UUID.randomUUID()));
                jdbc.execute("create index on bench.worker_copy (tenant_id, lower(nama) text_pattern_ops)");
                jdbc.execute("create index on bench.worker_copy (tenant_id, kode_desa)");
                jdbc.execute("create index on bench.worker_copy (tenant_id, pekerjaan)");
                long copyStart = System.nanoTime();
                long copied;
                try (InputStream in = Files.newInputStream(copyFile)) {
                    copied = owner.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "copy bench.worker_copy (nik, nama, tanggal_lahir, jenis_kelamin, alamat, kode_desa, telepon, pekerjaan, "
                                    + "tingkat_penghasilan, ahli_waris_nama, ahli_waris_hubungan, ahli_waris_nik) "
                                    + "from stdin with (format csv, header true)", in);
                }
                double copySeconds = (System.nanoTime() - copyStart) / 1e9;
                System.out.printf("COPY: %,d rows in %.1f s (%,.0f rows/s)%n", copied, copySeconds, copied / copySeconds);
                for (int m = 0; m < modes.size(); m++) {
                    double importSeconds = results.get(m)[0];
                    System.out.printf("RESULT rows=%d mode=%s import=%.1fs copy=%.1fs ratio=%.2fx (target <= 2.0x, aim 1.5x)%n",
                            rows, modes.get(m), importSeconds, copySeconds, importSeconds / copySeconds);
                }
                jdbc.execute("drop schema bench cascade");
                Files.deleteIfExists(copyFile);
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /**
     * Single registrations through the HTTP API on loopback (dev-no-auth: the developer actor), a bounded
     * load: {@code requests} POSTs spread over {@code threads} threads, each a new worker.
     */
    static void registrations(int requests, int threads) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PayungApplication.class)
                .profiles("dev-no-auth")
                .properties("logging.level.root=WARN")
                .run("--server.port=0", "--server.address=127.0.0.1");
        try {
            TenantId tenant = TestTenants.ensureOnboarded(context.getBean(TenantAdministration.class), "35.71", "KC-KEDIRI");
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            String village = context.getBean(JdbcTemplate.class).queryForObject(
                    "select min(code) from tenancy.region where level = 'VILLAGE' and code like '35.71.%'", String.class);
            var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/tenants/" + tenant + "/workers");
            int base = (int) (System.currentTimeMillis() / 1000 % 50) * 100;
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            // A warm-up of a tenth of the requests (at most 500), not counted: the figure is the steady state.
            int warmUp = Math.min(500, requests / 10);
            int[] counts = load(client, uri, village, base, next, warmUp, threads);
            System.out.printf("warm-up: %d registrations (created=%d other=%d)%n", warmUp, counts[0], counts[1]);
            next.set(warmUp);
            long start = System.nanoTime();
            counts = load(client, uri, village, base, next, warmUp + requests, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT registrations=%d threads=%d created=%d other=%d in %.1f s = %.0f registrations/s%n",
                    requests, threads, counts[0], counts[1], seconds, requests / seconds);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Sends POSTs numbered from {@code next} up to {@code until} from {@code threads} threads; answers created and other. */
    private static int[] load(java.net.http.HttpClient client, URI uri, String village, int base,
                              java.util.concurrent.atomic.AtomicInteger next, int until, int threads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger other = new java.util.concurrent.atomic.AtomicInteger();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < until) {
                    int serial = i % 9999 + 1;
                    String block = String.format("%02d", 50 + (base / 100 + i / 9999) % 50);
                    String nik = "3571" + block + "170585" + String.format("%04d", serial);
                    String heir = "3571" + block + "450386" + String.format("%04d", serial);
                    String json = """
                            {"nik":"%s","name":"Pekerja Beban %d","birthDate":"1985-05-17","sex":"L","address":"Jl. Melati 1",
                             "villageCode":"%s","phone":"081200000000","occupationCode":"OJEK",
                             "heirs":[{"name":"Istri Beban","relationship":"SPOUSE","nik":"%s"}]}""".formatted(nik, i, village, heir);
                    try {
                        var response = client.send(java.net.http.HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 201) created.incrementAndGet();
                        else other.incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        return new int[]{created.get(), other.get()};
    }

    /**
     * Valid rows of a pemda (4-digit region, e.g. 3571): men born 17 May 1960 and later, serials 0001-9999 over
     * as many district digits and years as needed, each with a wife as heir.
     */
    static void generate(Path file, int rows, String region, List<String> villages) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", id.payung.enrollment.WorkerImports.HEADER));
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                // NIK: 35 71 CC 170560 SSSS, CC and SSSS from i (serial never 0000); heir: a woman, 45 03 01
                int block = i / 9999 % 100;
                int serial = i % 9999 + 1;
                int year = 60 + i / 999_900;
                String nik = String.format("%s%02d1705%02d%04d", region, block, year % 100, serial);
                String heir = String.format("%s%02d4503%02d%04d", region, block, (year + 5) % 100, serial);
                out.write(nik + ",Pekerja Nomor " + i + ",19" + String.format("%02d", year % 100) + "-05-17,L,Jl. Kenanga No. " + i
                        + " RT 01/RW 02," + villages.get(i % villages.size()) + ",0812" + String.format("%08d", i)
                        + ",PETANI,L01,Istri Pekerja " + i + ",SPOUSE," + heir + "\n");
            }
        }
    }

    private ImportBench() {
    }
}
