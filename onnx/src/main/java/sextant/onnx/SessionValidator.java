package sextant.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.Map;
import sextant.core.forecast.ModelLoadException;

/**
 * Compares the manifest with the tensors the ONNX graph really declares, before any data is fed. Dimensions the
 * graph leaves dynamic (-1 or symbolic) are accepted and checked again on the first run's real output shape.
 */
final class SessionValidator {
    /** Fixed sizes the graph declares; -1 where a dimension is dynamic. */
    record Dims(long batch, long variates, long quantiles, long horizon) {
    }

    private SessionValidator() {
    }

    static Dims validate(OrtSession session, ModelManifest m) {
        String where = m.manifestPath() + " vs " + m.modelPath().getFileName() + ": ";
        Map<String, NodeInfo> inputs;
        Map<String, NodeInfo> outputs;
        try {
            inputs = session.getInputInfo();
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new ModelLoadException(where + "cannot read the model's inputs and outputs: " + SessionFactory.oneLine(e), e);
        }
        NodeInfo in = inputs.get(m.input());
        if (in == null) {
            throw new ModelLoadException(where + "manifest field 'input' is '" + m.input() + "' but the model's inputs are "
                    + inputs.keySet());
        }
        if (inputs.size() != 1) {
            throw new ModelLoadException(where + "the model has inputs " + inputs.keySet() + " but Sextant feeds only '" + m.input()
                    + "'; export the model with the context as its only input");
        }
        NodeInfo out = outputs.get(m.output());
        if (out == null) {
            throw new ModelLoadException(where + "manifest field 'output' is '" + m.output() + "' but the model's outputs are "
                    + outputs.keySet());
        }
        long[] inShape = floatTensorShape(where, "input", in);
        long[] outShape = floatTensorShape(where, "output", out);
        Layout layout = m.layout();
        if (inShape.length != layout.inputRank()) {
            throw new ModelLoadException(where + "input '" + m.input() + "' has shape " + Arrays.toString(inShape)
                    + " but manifest input_layout " + layout.input() + " needs rank " + layout.inputRank());
        }
        if (outShape.length != layout.outputRank()) {
            throw new ModelLoadException(where + "output '" + m.output() + "' has shape " + Arrays.toString(outShape)
                    + " but manifest output_layout " + layout.output() + " needs rank " + layout.outputRank());
        }
        long inT = inShape[inShape.length - 1];
        expect(where, "input '" + m.input() + "' time dimension", inT, m.contextLength(), "context_length");
        long batch = inShape[0];
        long variates = layout == Layout.UNIVARIATE ? 1 : inShape[1];
        long q;
        long h;
        long outBatch;
        long outVariates;
        if (layout == Layout.UNIVARIATE) {
            outBatch = outShape[0];
            q = outShape[1];
            h = outShape[2];
            outVariates = 1;
        } else {
            q = outShape[0];
            outBatch = outShape[1];
            outVariates = outShape[2];
            h = outShape[3];
        }
        expect(where, "output '" + m.output() + "' quantile dimension", q, m.quantileLevels().length, "quantile_levels (count)");
        expect(where, "output '" + m.output() + "' horizon dimension", h, m.predictionLength(), "prediction_length");
        if (batch > 0 && outBatch > 0 && batch != outBatch) {
            throw new ModelLoadException(where + "input batch " + batch + " differs from output batch " + outBatch);
        }
        if (variates > 0 && outVariates > 0 && variates != outVariates) {
            throw new ModelLoadException(where + "input has " + variates + " variates but output has " + outVariates);
        }
        return new Dims(batch > 0 ? batch : outBatch, variates > 0 ? variates : outVariates, q, h);
    }

    private static long[] floatTensorShape(String where, String role, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo t)) {
            throw new ModelLoadException(where + role + " '" + node.getName() + "' is not a tensor (" + node.getInfo() + ")");
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new ModelLoadException(where + role + " '" + node.getName() + "' is " + t.type + "; Sextant feeds and reads float32");
        }
        return t.getShape();
    }

    private static void expect(String where, String what, long actual, long manifest, String field) {
        if (actual > 0 && actual != manifest) {
            throw new ModelLoadException(where + what + " is " + actual + " but manifest field '" + field + "' says " + manifest);
        }
    }
}
