package id.payung.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Deletes, once a night, the event publications completed longer ago than {@code payung.events.keep-completed}
 * (a week by default). The registry keeps one row per event and listener; kept forever, a busy instance
 * would grow it by millions of rows a week, and every publication would pay for its ever larger indexes.
 * A week is enough to see what was delivered when something looks wrong; incomplete publications are
 * never deleted (they wait for {@link FailedEventRetry}).
 */
@Component
@EnableScheduling
class CompletedEventPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventPurge.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedEventPurge(CompletedEventPublications completed, @Value("${payung.events.keep-completed:P7D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(cron = "${payung.events.purge-cron:0 41 2 * * *}", zone = "Asia/Jakarta")
    void purgeCompleted() {
        try {
            completed.deletePublicationsOlderThan(keep);
        } catch (RuntimeException e) {
            // the next night tries again
            log.warn("Deleting event publications completed more than {} ago did not complete: {}", keep, e.toString());
        }
    }
}
