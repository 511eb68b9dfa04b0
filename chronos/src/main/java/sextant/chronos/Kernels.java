package sextant.chronos;

/**
 * The numeric kernels inference spends its time in. {@link #linear} is the matrix product over packed weights;
 * {@link #combineRows} serves the attention. Two implementations give the same results within float32 rounding: the
 * Vector API one ({@code VectorKernels}, when {@code jdk.incubator.vector} is present and not switched off with
 * {@code -Dsextant.vector=false}) and {@link ScalarKernels}. Each kernel sums over k in the same order whatever the
 * number of rows, so a series' result never depends on which other series share its batch.
 */
interface Kernels {
    /** System property that forces the plain-Java kernels when set to {@code false}. */
    String VECTOR_PROPERTY = "sextant.vector";

    /**
     * {@code out[r][0..w.out) (+)= x[r][0..w.in)·Wᵀ + b} for rows {@code [0, rows)}; x and out are row-major with
     * row strides {@code w.in} and {@code w.out}. With {@code accumulate} the product is added to what out holds
     * (a residual connection); with {@code relu} negative results become 0.
     */
    void linear(float[] x, int rows, PackedLinear w, float[] out, boolean accumulate, boolean relu);

    /**
     * {@code y[yo + j] = Σ_k a[ao + k] · m[mo + k·ldm + j]} for j in {@code [0, n)}, summed over k in order: a
     * combination of k rows of m (attention scores against transposed keys, and probabilities times values).
     */
    void combineRows(float[] a, int ao, int k, float[] m, int mo, int ldm, int n, float[] y, int yo);

    /** Short name for logs and cache keys: "vector" or "scalar". */
    String name();

    /** The kernels to use: vectorised when the incubator module is present and not disabled. */
    static Kernels select() {
        if (!"false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY, "true"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Kernels k = Class.forName("sextant.chronos.VectorKernels").asSubclass(Kernels.class).getDeclaredConstructor().newInstance();
                if (k.name().equals("vector")) {
                    return k;
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // Falls through to the plain-Java kernels, which give the same results.
            }
        }
        return new ScalarKernels();
    }
}
