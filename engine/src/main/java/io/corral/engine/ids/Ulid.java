package io.corral.engine.ids;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Monotonic ULID generator: 26 Crockford base32 characters, a 48-bit millisecond timestamp then
 * 80 random bits. Ids from one generator increase strictly, even within one millisecond (the random
 * part is incremented) and if the clock steps back (the last timestamp is kept), so ascending id
 * order is creation order.
 *
 * <pre>{@code
 * Ulid ids = new Ulid();
 * String a = ids.next(), b = ids.next();   // a.compareTo(b) < 0
 * }</pre>
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh; // 16 bits
    private long randomLow;  // 64 bits

    public Ulid() {
        this(Clock.systemUTC());
    }

    public Ulid(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
        } else {
            // same millisecond (or the clock went back): increment the 80-bit random part
            randomLow++;
            if (randomLow == 0) {
                randomHigh++;
                if (randomHigh >= (1 << 16)) {
                    lastMillis++;
                    randomHigh = 0;
                }
            }
        }
        return encode(lastMillis, randomHigh, randomLow);
    }

    static String encode(long millis, long high16, long low64) {
        char[] out = new char[26];
        // 48-bit time into 10 chars (50 bits, top 2 are zero)
        long t = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (t & 31)];
            t >>>= 5;
        }
        // 80 random bits into 16 chars: process as high16:low64
        long hi = high16;
        long lo = low64;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }
}
