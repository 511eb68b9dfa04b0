package sextant.onnx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A test that runs once for each tiny model in {@code ../shared/models}, given its name: univariate, multivariate. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@ValueSource(strings = {SharedModels.UNIVARIATE, SharedModels.MULTIVARIATE})
@interface EachSharedModel {
}
