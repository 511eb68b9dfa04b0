package sextant.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import sextant.core.forecast.ModelLoadException;

/**
 * A reference case for {@code sextant model-check} (format of {@code shared/models/*.golden.json}): an input in
 * the model's input layout with {@code null} for NaN, the output PyTorch produced in the model's output layout,
 * and the absolute tolerance. Arrays are flattened row-major.
 */
public record GoldenCase(Path path, int[] inputShape, float[] input, int[] outputShape, float[] output, double toleranceAbs) {

    public static GoldenCase read(Path path) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ModelLoadException(path + ": golden file does not exist");
        } catch (IOException e) {
            throw new ModelLoadException(path + ": not a readable JSON golden file: " + SessionFactory.oneLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelLoadException(path + ": golden file must be a JSON object");
        }
        int[] inShape = shape(path, root, "input_shape");
        int[] outShape = shape(path, root, "output_shape");
        float[] input = flatten(path, root, "input", inShape);
        float[] output = flatten(path, root, "output", outShape);
        JsonNode tol = root.get("tolerance_abs");
        if (tol == null || !tol.isNumber() || !(tol.asDouble() >= 0)) {
            throw new ModelLoadException(path + ": field 'tolerance_abs' must be a number >= 0");
        }
        return new GoldenCase(path, inShape, input, outShape, output, tol.asDouble());
    }

    private static int[] shape(Path path, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new ModelLoadException(path + ": field '" + field + "' must be a non-empty array of sizes");
        }
        int[] s = new int[n.size()];
        for (int i = 0; i < s.length; i++) {
            if (!n.get(i).canConvertToInt() || n.get(i).asInt() < 1) {
                throw new ModelLoadException(path + ": field '" + field + "[" + i + "]' must be an integer >= 1");
            }
            s[i] = n.get(i).asInt();
        }
        return s;
    }

    private static float[] flatten(Path path, JsonNode root, String field, int[] shape) {
        JsonNode n = root.get(field);
        if (n == null) {
            throw new ModelLoadException(path + ": required field '" + field + "' is missing");
        }
        long total = 1;
        for (int d : shape) {
            total *= d;
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new ModelLoadException(path + ": field '" + field + "' shape " + Arrays.toString(shape) + " is too large");
        }
        float[] out = new float[(int) total];
        int[] pos = {0};
        fill(path, field, n, shape, 0, out, pos);
        return out;
    }

    private static void fill(Path path, String where, JsonNode n, int[] shape, int dim, float[] out, int[] pos) {
        if (dim == shape.length) {
            if (n.isNull()) {
                out[pos[0]++] = Float.NaN;
            } else if (n.isNumber()) {
                out[pos[0]++] = (float) n.asDouble();
            } else {
                throw new ModelLoadException(path + ": '" + where + "' holds " + n.getNodeType() + " where a number or null belongs");
            }
            return;
        }
        if (!n.isArray() || n.size() != shape[dim]) {
            throw new ModelLoadException(path + ": '" + where + "' does not match its shape " + Arrays.toString(shape)
                    + " (dimension " + dim + " should have " + shape[dim] + " entries)");
        }
        for (int i = 0; i < shape[dim]; i++) {
            fill(path, where + "[" + i + "]", n.get(i), shape, dim + 1, out, pos);
        }
    }
}
