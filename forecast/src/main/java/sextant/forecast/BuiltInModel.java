package sextant.forecast;

import java.util.Map;
import sextant.core.forecast.Forecaster;

/** A built-in model that can describe its parameters as a store record's {@code config} object. */
interface BuiltInModel extends Forecaster {
    /** Every parameter, under the names {@link Forecasters#create(String, long, Map)} accepts. */
    Map<String, Object> config();
}
