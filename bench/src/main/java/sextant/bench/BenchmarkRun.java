package sextant.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every Sextant benchmark runs unless the command line says otherwise: average time per call, one fork, three
 * one-second warm-up iterations, then five measured ones. JMH reads these annotations from the superclass, so each
 * benchmark class states only its state scope and time unit.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class BenchmarkRun {
}
