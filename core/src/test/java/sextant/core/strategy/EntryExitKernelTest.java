package sextant.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryExitKernelTest {
    static final double FEE = 0.0005;

    /** anchor-spec §9.1: c, H, HP, L, LP, w, close-at-EOD, fee, expected. */
    static Stream<Arguments> referenceDays() {
        return Stream.of(
                Arguments.of("long TP hit", .02, .04, .03, -.015, -.01, 1, false, FEE, 0.0395),
                Arguments.of("short EOD loss", .04, .03, .02, -.02, -.01, -1, true, FEE, -0.0205),
                Arguments.of("short TP hit", -.01, .03, .02, -.03, -.02, -1, false, FEE, 0.0395),
                Arguments.of("no fee when short entry untouched", 0, .015, .02, -.02, -.01, -1, true, FEE, 0.0),
                Arguments.of("short exits at its own entry", .02, .03, .02, -.02, -.01, -1, true, FEE, -0.0005),
                Arguments.of("intraday long loss", -.015, .02, .03, -.02, -.01, 1, false, FEE, -0.0055),
                Arguments.of("EOD long loss", -.02, .025, .02, -.03, -.01, 1, true, FEE, -0.0105),
                Arguments.of("EOD short profit", -.02, .03, .02, -.015, -.01, -1, true, FEE, 0.0395),
                Arguments.of("intraday short, TP not hit", .03, .04, .02, -.005, -.02, -1, false, FEE, -0.0105),
                Arguments.of("custom fee 0.002", .02, .04, .03, -.015, -.01, 1, false, 0.002, 0.038),
                Arguments.of("MaxDiff buy both hit", 0, .06, .05, -.06, -.05, 1, false, FEE, 0.0995),
                Arguments.of("low not reached", 0, .05, .05, -.03, -.05, 1, false, FEE, 0.0),
                Arguments.of("short both hit", 0, .06, .05, -.06, -.05, -1, false, FEE, 0.0995),
                Arguments.of("intraday", .02, .10, .08, -.06, -.05, 1, false, FEE, 0.1295),
                Arguments.of("vs EOD", .02, .10, .08, -.06, -.05, 1, true, FEE, 0.0695),
                Arguments.of("short EOD", -.02, .06, .05, -.08, -.06, -1, true, FEE, 0.0695),
                Arguments.of("missed entry intraday", .01, .05, .05, -.02, -.05, 1, false, FEE, 0.0),
                Arguments.of("missed entry EOD", .01, .05, .05, -.02, -.05, 1, true, FEE, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceDays")
    void reproducesTheOriginalsReferenceDays(String name, double c, double h, double hp, double l, double lp, double w,
                                              boolean eod, double fee, double expected) {
        assertThat(EntryExitKernel.daySigned(c, h, hp, l, lp, w, eod, fee)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void multiDayReferenceCasesAreSumsOfDays() {
        double[] twoEod = EntryExitKernel.daily(new double[] {.01, -.02}, new double[] {.025, .035},
                new double[] {.02, .03}, new double[] {-.015, -.025}, new double[] {-.01, -.02}, new double[] {1, -1},
                true, FEE);
        assertThat(twoEod[0]).isCloseTo(0.0195, within(1e-12));
        assertThat(twoEod[1]).isCloseTo(0.0495, within(1e-12));
        double[] three = EntryExitKernel.daily(new double[] {.02, -.015, .005}, new double[] {.035, .025, .02},
                new double[] {.03, .02, .01}, new double[] {-.02, -.02, -.04}, new double[] {-.01, -.015, -.05},
                new double[] {1, -1, 1}, false, FEE);
        assertThat(three).containsExactly(new double[] {0.0395, 0.0345, 0.0}, within(1e-12));
        double[] bbs = EntryExitKernel.daily(new double[] {0, 0, 0}, new double[] {.06, .03, .06},
                new double[] {.05, .05, .05}, new double[] {-.06, -.02, -.06}, new double[] {-.05, -.05, -.05},
                new double[] {1, 1, -1}, false, FEE);
        assertThat(bbs).containsExactly(new double[] {0.0995, 0.0, 0.0995}, within(1e-12));
    }

    @Test
    void invertedInputsAreClampedToNoGain() {
        assertThat(EntryExitKernel.daySigned(0, .05, -.02, -.05, .03, 1, false, FEE)).isLessThanOrEqualTo(0);
    }

    @Test
    void bothLegsAddUpLikeTwoSignedCalls() {
        double both = EntryExitKernel.day(.01, .03, .02, -.03, -.02, 1, 1, false, FEE);
        double sum = EntryExitKernel.daySigned(.01, .03, .02, -.03, -.02, 1, false, FEE)
                + EntryExitKernel.daySigned(.01, .03, .02, -.03, -.02, -1, false, FEE);
        assertThat(both).isEqualTo(sum);
    }

    @Test
    void reproducesAllGoldenKernelCases() throws Exception {
        Path file = Fixtures.dir().resolve("kernel_cases.json");
        JsonNode cases = new ObjectMapper().readTree(file.toFile()).get("cases");
        assertThat(cases.size()).isEqualTo(300);
        int checkedDays = 0;
        for (JsonNode c : cases) {
            double[] got = EntryExitKernel.daily(Fixtures.doubles(c, "close"), Fixtures.doubles(c, "high"),
                    Fixtures.doubles(c, "high_pred"), Fixtures.doubles(c, "low"), Fixtures.doubles(c, "low_pred"),
                    Fixtures.doubles(c, "weight"), c.get("close_at_eod").asBoolean(), c.get("fee").asDouble());
            double[] expected = Fixtures.doubles(c, "expected_daily");
            assertThat(got).containsExactly(expected, within(1e-6));
            checkedDays += got.length;
        }
        assertThat(checkedDays).isGreaterThan(300);
    }
}
