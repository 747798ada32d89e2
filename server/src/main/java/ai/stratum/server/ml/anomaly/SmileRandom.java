package ai.stratum.server.ml.anomaly;

import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

import java.lang.reflect.Field;
import java.util.function.Supplier;

/**
 * Runs Smile code from a known random state. Smile 3.1.1 draws from a per-thread generator
 * ({@link MathEx#setSeed(long)} seeds the calling thread's), but its isolation trees also draw from the
 * JVM-wide {@link GaussianDistribution#getInstance()}, whose Box-Muller method keeps the spare normal
 * draw of one call for the next (a private field, {@code z1}). Whether a spare is waiting depends on
 * every earlier call in the JVM, so the same seed grew different forests (scores apart by 0.02,
 * enough to move a day across the threshold), and two threads growing forests at once raced on it.
 * Here the spare is cleared and the work runs while holding that shared instance, so a seed always
 * grows the same forest.
 */
final class SmileRandom {

    private static final GaussianDistribution GAUSSIAN = GaussianDistribution.getInstance();
    private static final Field SPARE = spareField();

    private SmileRandom() {
    }

    static <T> T seeded(long seed, Supplier<T> work) {
        synchronized (GAUSSIAN) {
            clearSpare();
            MathEx.setSeed(seed);
            return work.get();
        }
    }

    private static void clearSpare() {
        try {
            SPARE.setDouble(GAUSSIAN, Double.NaN);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reset Smile's Gaussian generator", e);
        }
    }

    private static Field spareField() {
        try {
            Field field = GaussianDistribution.class.getDeclaredField("z1");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // pinned to Smile 3.1.1; a version without the field must be looked at before it is used
            throw new ExceptionInInitializerError("Smile's GaussianDistribution has no spare draw field z1: "
                    + "check SmileRandom against this Smile version");
        }
    }
}
