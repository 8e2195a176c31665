package id.payung.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids of version 7 (RFC 9562) that keyed rows are inserted with. */
class TimeOrderedIdsTests {

    @Test
    void anIdIsOfVersion7AndTheRfcVariantAndCarriesTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        long millis = id.getMostSignificantBits() >>> 16;
        // The counter may run ahead of the clock by a few milliseconds when many ids are made at once.
        assertThat(millis).isBetween(before, after + 1_000);
    }

    @Test
    void idsMadeOneAfterAnotherAreStrictlyIncreasingAsPostgresqlOrdersThem() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) ids.add(TimeOrderedIds.next());
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL compares uuids byte by byte, unsigned: the same as the text form.
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
        assertThat(ids.stream().distinct().count()).isEqualTo(ids.size());
    }
}
