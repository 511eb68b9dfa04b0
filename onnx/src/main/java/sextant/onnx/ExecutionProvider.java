package sextant.onnx;

/** Where ONNX Runtime runs the model. CUDA needs the onnxruntime_gpu artifact (Maven profile onnx-gpu) and a GPU. */
public enum ExecutionProvider {
    CPU,
    CUDA
}
