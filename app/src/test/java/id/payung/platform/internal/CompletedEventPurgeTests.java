package id.payung.platform.internal;

import id.payung.PayungIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly purge deletes publications completed more than a week ago, and nothing else. */
@PayungIntegrationTest
class CompletedEventPurgeTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CompletedEventPurge purge;

    @Test
    void onlyPublicationsCompletedLongerAgoThanAWeekAreDeleted() {
        Instant now = Instant.now();
        UUID completedLongAgo = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID completedRecently = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(6)));
        UUID neverCompleted = publication(now.minus(Duration.ofDays(30)), null);

        purge.purgeCompleted();

        assertThat(exists(completedLongAgo)).isFalse();
        assertThat(exists(completedRecently)).isTrue();
        assertThat(exists(neverCompleted)).as("an incomplete publication waits for its retry").isTrue();
    }

    private UUID publication(Instant published, Instant completed) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                        INSERT INTO events.event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status)
                        VALUES (?, 'id.payung.test.PurgeProbe.on(java.lang.Object)', 'java.lang.Object', ?, ?, ?, ?)""",
                id, "{\"probe\":\"" + id + "\"}", Timestamp.from(published), completed == null ? null : Timestamp.from(completed),
                completed == null ? "FAILED" : "COMPLETED");
        return id;
    }

    private boolean exists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT count(*) = 1 FROM events.event_publication WHERE id = ?", Boolean.class, id));
    }
}
