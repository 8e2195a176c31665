package id.payung.enrollment;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDs of version 7 (RFC 9562): the first 48 bits are the time in milliseconds, then a counter, then
 * random bits. A million workers imported one after another then land side by side in the primary-key
 * indexes instead of all over them. The random part is not cryptographic: a worker id is no secret (RLS and
 * the role checks guard a worker, not the id), and a secure random number per row is slow.
 */
final class TimeOrderedIds {

    private static final AtomicLong LAST = new AtomicLong();

    /** A new id; ids made by this JVM are strictly increasing. */
    static UUID next() {
        // 48 bits of milliseconds and 12 bits of sequence, kept strictly increasing even within one millisecond.
        long now = System.currentTimeMillis() << 12;
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now));
        long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private TimeOrderedIds() {
    }
}
