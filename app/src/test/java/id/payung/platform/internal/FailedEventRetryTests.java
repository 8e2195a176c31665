package id.payung.platform.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A listener that failed gets its event again from the scheduled retry, once, and the publication completes. */
@SpringBootTest(properties = {"payung.events.retry.min-age=PT0S", "payung.events.retry.every=PT1H"})
@ActiveProfiles("dev-no-auth")
class FailedEventRetryTests {

    record Probe(UUID id) {
    }

    /** Fails on the first delivery of each probe, succeeds on the next; counts both. Read through methods: it is proxied. */
    static class FlakyListener {
        private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();
        private final Set<UUID> handled = ConcurrentHashMap.newKeySet();
        private final AtomicInteger deliveries = new AtomicInteger();

        public boolean failedOnce(UUID id) {
            return failedOnce.contains(id);
        }

        public boolean handled(UUID id) {
            return handled.contains(id);
        }

        public int deliveries() {
            return deliveries.get();
        }

        @ApplicationModuleListener
        void on(Probe probe) {
            deliveries.incrementAndGet();
            if (failedOnce.add(probe.id())) throw new IllegalStateException("the first delivery fails on purpose");
            handled.add(probe.id());
        }
    }

    @TestConfiguration
    static class Listener {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FlakyListener listener;
    @Autowired
    FailedEventRetry retry;

    @Test
    void aFailedListenerIsDeliveredTheEventAgainAndItsPublicationCompletes() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id)));
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.failedOnce(id) && "FAILED".equals(status(id)));
        assertThat(listener.handled(id)).isFalse();

        retry.resubmitFailed();

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> completed(id));
        assertThat(listener.deliveries()).as("one failed delivery, one retry").isEqualTo(2);

        retry.resubmitFailed();
        await("a completed publication is not delivered again").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> listener.deliveries() == 2);
    }

    private String status(UUID id) {
        return jdbc.query("SELECT status FROM events.event_publication WHERE serialized_event LIKE ?",
                rs -> rs.next() ? rs.getString(1) : null, "%" + id + "%");
    }

    private boolean completed(UUID id) {
        return Boolean.TRUE.equals(jdbc.query("SELECT completion_date IS NOT NULL FROM events.event_publication WHERE serialized_event LIKE ?",
                rs -> rs.next() && rs.getBoolean(1), "%" + id + "%"));
    }
}
