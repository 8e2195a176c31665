package id.payung.sponsorship;

import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import org.springframework.context.ApplicationContext;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets the bench (another package) run the cycle through the same service path as the page and the API
 * ({@link MonthlyCycle#startRun}, as a Disnaker operator) and wait for it, noting when each stage began.
 */
public final class CycleBenchSupport {

    public record Timed(CycleRun run, double seconds, Map<CycleRun.Stage, Double> stageStartSeconds) {
    }

    public static Timed runAs(ApplicationContext context, TenantId tenant, YearMonth period) {
        MonthlyCycle cycle = context.getBean(MonthlyCycle.class);
        Actor operator = Acting.person("bench-operator", Optional.of(tenant), Role.DISNAKER_OPERATOR);
        return Acting.as(operator, () -> {
            long start = System.nanoTime();
            var started = cycle.startRun(tenant, period.toString());
            Map<CycleRun.Stage, Double> stages = new LinkedHashMap<>();
            CycleRun.Stage last = null;
            while (!started.work().isDone()) {
                CycleRun.Stage stage = cycle.run(tenant, started.run().id()).stage();
                if (stage != last) {
                    stages.put(stage, (System.nanoTime() - start) / 1e9);
                    last = stage;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try {
                started.work().get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new Timed(cycle.run(tenant, started.run().id()), seconds, stages);
        });
    }

    private CycleBenchSupport() {
    }
}
