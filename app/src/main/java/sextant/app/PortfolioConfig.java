package sextant.app;

/**
 * The {@code portfolio} section of the configuration, checked once when it is built: a value outside its range is
 * refused here with the key's name, so no later reader has to check it again.
 *
 * @param maxPositions      most positions held at once, at least 1
 * @param positionFraction  equity fraction per new position, in (0, 1]
 * @param maxGrossExposure  gross exposure cap as a multiple of equity, in (0, 4]
 */
record PortfolioConfig(int maxPositions, double positionFraction, double maxGrossExposure) {
    PortfolioConfig {
        if (maxPositions < 1) {
            throw new IllegalArgumentException("'portfolio.max-positions' must be at least 1, got " + maxPositions);
        }
        if (!(positionFraction > 0 && positionFraction <= 1)) {
            throw new IllegalArgumentException("'portfolio.position-fraction' must be in (0, 1], got "
                    + positionFraction);
        }
        if (!(maxGrossExposure > 0 && maxGrossExposure <= 4)) {
            throw new IllegalArgumentException("'portfolio.max-gross-exposure' must be in (0, 4], got "
                    + maxGrossExposure);
        }
    }

    static PortfolioConfig from(ConfigTree t) {
        return new PortfolioConfig(t.integer("portfolio.max-positions"), t.number("portfolio.position-fraction"),
                t.number("portfolio.max-gross-exposure"));
    }
}
