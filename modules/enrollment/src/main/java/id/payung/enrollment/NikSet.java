package id.payung.enrollment;

/**
 * The NIKs seen so far in an import file, as 16-digit numbers in an open-addressing table of longs: a
 * million NIKs take 16 MB instead of the ~100 MB a set of strings would, which matters under a 512 MB heap.
 */
final class NikSet {

    private long[] slots = new long[1 << 14];
    private int size;

    /** Adds the NIK (16 digits); false when it was there already. */
    boolean add(String nik) {
        long value = Long.parseLong(nik) + 1; // 0 marks a free slot
        if ((size + 1) * 2L > slots.length) grow();
        return insert(slots, value);
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) (mix(value) & mask);
        while (table[i] != 0) {
            if (table[i] == value) return false;
            i = (i + 1) & mask;
        }
        table[i] = value;
        if (table == slots) size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (long value : old) {
            if (value == 0) continue;
            int mask = bigger.length - 1;
            int i = (int) (mix(value) & mask);
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = value;
        }
        slots = bigger;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    int size() {
        return size;
    }
}
