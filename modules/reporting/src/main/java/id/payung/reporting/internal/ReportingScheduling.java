package id.payung.reporting.internal;

import id.payung.platform.SystemWork;
import id.payung.platform.TenantId;
import id.payung.platform.TenantTransactions;
import id.payung.reporting.ReadModelRebuild;
import id.payung.reporting.persistence.DashboardRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.UUID;

/**
 * Time-driven work of the read models: every night the headline figures of every pemda are recomputed
 * "as of" the current month (covered-now changes when a month begins even without an event) and its
 * registry facts refreshed (a BPJS office change publishes no event). The command-line rebuild:
 * {@code --payung.reporting.rebuild=all} (or a pemda's tenant id) rebuilds at start-up as the system,
 * {@code --payung.reporting.exit-after-rebuild=true} then stops the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportingScheduling implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingScheduling.class);

    private final Projector projector;
    private final DashboardRows rows;
    private final TenantTransactions transactions;
    private final ReadModelRebuild rebuild;
    private final ApplicationContext context;
    private final String rebuildOnStart;
    private final boolean exitAfterRebuild;

    ReportingScheduling(Projector projector, DashboardRows rows, TenantTransactions transactions, ReadModelRebuild rebuild,
                        ApplicationContext context, @Value("${payung.reporting.rebuild:}") String rebuildOnStart,
                        @Value("${payung.reporting.exit-after-rebuild:false}") boolean exitAfterRebuild) {
        this.projector = projector;
        this.rows = rows;
        this.transactions = transactions;
        this.rebuild = rebuild;
        this.context = context;
        this.rebuildOnStart = rebuildOnStart;
        this.exitAfterRebuild = exitAfterRebuild;
    }

    @Scheduled(cron = "${payung.reporting.refresh-cron:0 7 0 * * *}", zone = "Asia/Jakarta")
    void refreshEveryPemda() {
        SystemWork.run("reporting-refresh", () -> {
            var all = transactions.readRegistry(rows::allTenants);
            for (UUID tenant : all) {
                try {
                    projector.pemdaChanged(new TenantId(tenant));
                } catch (RuntimeException e) {
                    log.warn("Could not refresh the summary of pemda {}: {}", tenant, e.toString());
                }
            }
            log.info("Refreshed the summaries of {} pemda", all.size());
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rebuildOnStart == null || rebuildOnStart.isBlank()) return;
        SystemWork.run("reporting-rebuild", () -> {
            if (rebuildOnStart.equals("all")) {
                log.info("Rebuilt {} pemda", rebuild.rebuildAll().size());
            } else {
                var result = rebuild.rebuild(TenantId.parse(rebuildOnStart));
                log.info("Rebuilt pemda {}: {}", rebuildOnStart, result);
            }
        });
        if (exitAfterRebuild) System.exit(SpringApplication.exit(context, () -> 0));
    }
}
