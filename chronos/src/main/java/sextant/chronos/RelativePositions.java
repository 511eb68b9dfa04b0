package sextant.chronos;

/**
 * T5's bidirectional relative-position buckets: half the buckets for keys after the query, half for keys before;
 * in each half, distances below a quarter of the buckets get one bucket each and larger ones share log-spaced
 * buckets up to {@code maxDistance}. The log is taken in float32, as the reference does, because a bucket boundary
 * can fall where float32 and float64 round differently.
 */
final class RelativePositions {
    private RelativePositions() {
    }

    /** The bucket of relative position {@code keyIndex - queryIndex}. */
    static int bucket(int relative, int numBuckets, int maxDistance) {
        int half = numBuckets / 2;
        int base = relative > 0 ? half : 0;
        int distance = Math.abs(relative);
        int maxExact = half / 2;
        if (distance < maxExact) {
            return base + distance;
        }
        float logRatio = (float) Math.log((float) distance / maxExact);
        float scaled = logRatio / (float) Math.log((double) maxDistance / maxExact) * (half - maxExact);
        return base + Math.min(maxExact + (int) scaled, half - 1);
    }

    /** {@code [head][query][key]} bias for a sequence of {@code t} positions, from the {@code [bucket][head]} table. */
    static float[] biasMatrix(float[] table, int heads, int t, int numBuckets, int maxDistance) {
        float[] out = new float[heads * t * t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                int b = bucket(j - i, numBuckets, maxDistance);
                for (int h = 0; h < heads; h++) {
                    out[(h * t + i) * t + j] = table[b * heads + h];
                }
            }
        }
        return out;
    }
}
