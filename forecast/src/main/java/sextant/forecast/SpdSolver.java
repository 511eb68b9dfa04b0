package sextant.forecast;

/** Solves small symmetric positive-definite systems in place by Cholesky decomposition (no allocation). */
final class SpdSolver {
    private SpdSolver() {
    }

    /**
     * Solves {@code A X = B} for X. {@code a} is p x p row-major and is overwritten by its Cholesky factor;
     * {@code b} is p x r row-major and is overwritten by X.
     *
     * @return false when A is not positive definite (the caller falls back)
     */
    static boolean solve(double[] a, double[] b, int p, int r) {
        for (int j = 0; j < p; j++) {
            double d = a[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * p + k] * a[j * p + k];
            }
            if (!(d > 0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            a[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * p + k] * a[j * p + k];
                }
                a[i * p + j] = s / ljj;
            }
        }
        for (int c = 0; c < r; c++) {
            for (int i = 0; i < p; i++) {
                double s = b[i * r + c];
                for (int k = 0; k < i; k++) {
                    s -= a[i * p + k] * b[k * r + c];
                }
                b[i * r + c] = s / a[i * p + i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = b[i * r + c];
                for (int k = i + 1; k < p; k++) {
                    s -= a[k * p + i] * b[k * r + c];
                }
                b[i * r + c] = s / a[i * p + i];
            }
        }
        return true;
    }
}
