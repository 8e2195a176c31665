package id.payung.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDs of version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, then the version, a
 * 12-bit counter (method 1 of RFC 9562 section 6.2), the variant and 62 random bits. Rows keyed by such ids
 * (a million workers imported one after another, or registered one by one) land side by side at the right
 * edge of their primary-key indexes instead of all over them: fewer pages dirtied and written to the WAL.
 * The random part is not cryptographic: such an id is no secret (row-level security and the role checks
 * guard a row, not its id), and a secure random number per row is slow.
 */
public final class TimeOrderedIds {

    private static final AtomicLong LAST = new AtomicLong();

    /** A new id; the ids made by this JVM are strictly increasing (also within one millisecond). */
    public static UUID next() {
        // 48 bits of milliseconds and 12 bits of sequence; past 4,096 ids in a millisecond the stamp runs ahead.
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private TimeOrderedIds() {
    }
}
