package id.payung.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Delivers again, every few minutes, the events whose listener failed (a deadlock, a connection pool
 * exhausted under a burst, a module restarting), so that a read model or a worker's status catches up
 * without waiting for the next restart of the application. Every listener in Payung is idempotent (ADR
 * 0007, 0011): a second delivery changes nothing that the first already did.
 */
@Component
@EnableScheduling
class FailedEventRetry {

    private static final Logger log = LoggerFactory.getLogger(FailedEventRetry.class);

    private final FailedEventPublications failed;
    private final ResubmissionOptions options;

    FailedEventRetry(FailedEventPublications failed,
                     @Value("${payung.events.retry.min-age:PT2M}") Duration minAge,
                     @Value("${payung.events.retry.batch-size:500}") int batchSize) {
        this.failed = failed;
        // At most one batch in flight: a retry must not become the next burst.
        this.options = ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(batchSize).withMaxInFlight(batchSize);
    }

    @Scheduled(initialDelayString = "${payung.events.retry.every:PT5M}", fixedDelayString = "${payung.events.retry.every:PT5M}")
    void resubmitFailed() {
        try {
            failed.resubmit(options);
        } catch (RuntimeException e) {
            // The next round tries again; a retry that fails must not stop the scheduler.
            log.warn("Resubmitting failed event publications did not complete: {}", e.toString());
        }
    }
}
