package sextant.core.market;

/** Bars that break an invariant (non-positive or NaN price, unordered dates, high below close...). */
public class InvalidBarsException extends RuntimeException {
    public InvalidBarsException(String message) {
        super(message);
    }
}
