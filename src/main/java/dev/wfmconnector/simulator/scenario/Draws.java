package dev.wfmconnector.simulator.scenario;

import java.util.SplittableRandom;

/** Seeded random draws: independent streams per purpose (e.g. per agent and day) so each is reproducible. */
final class Draws {

    private final SplittableRandom random;

    private Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for the given seed and keys (e.g. agent index and day number). */
    static Draws of(long seed, long... keys) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (long key : keys) {
            h = mix(h + key * 0xBF58476D1CE4E5B9L);
        }
        return new Draws(h);
    }

    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [from, to). */
    double between(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int index(int bound) {
        return random.nextInt(bound);
    }

    /** Exponential with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /** Log-normal with the given mean and a moderate spread (sigma 0.5), as handle times are. */
    double skewed(double mean) {
        double sigma = 0.5;
        double z = gaussian();
        return mean * Math.exp(sigma * z - sigma * sigma / 2);
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
