package io.cloudexchange.netskope.simulator.dataexport;

/**
 * When each record of a type exists: record n happens at {@code origin + n / rate} and exists once
 * that instant has passed, up to an optional volume.
 */
record Timeline(long originMillis, double recordsPerSecond, long volume) {

    long timestampMillis(long n) {
        return originMillis + (long) (n * 1000.0 / recordsPerSecond);
    }

    /** How many records exist at {@code nowMillis}. */
    long available(long nowMillis) {
        if (nowMillis < originMillis) {
            return 0;
        }
        long count = (long) ((nowMillis - originMillis) * recordsPerSecond / 1000.0) + 1;
        return volume > 0 ? Math.min(count, volume) : count;
    }

    /** The first record at or after an epoch second (may not exist yet). */
    long firstAtOrAfter(long epochSecond) {
        long target = epochSecond * 1000;
        if (target <= originMillis) {
            return 0;
        }
        long n = (long) Math.ceil((target - originMillis) * recordsPerSecond / 1000.0);
        while (n > 0 && timestampMillis(n - 1) >= target) {
            n--;
        }
        while (timestampMillis(n) < target) {
            n++;
        }
        return n;
    }
}
