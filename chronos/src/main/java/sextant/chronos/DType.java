package sextant.chronos;

import org.jspecify.annotations.Nullable;

/** The safetensors element types this reader converts to float32. */
enum DType {
    F32(4), BF16(2), F16(2);

    final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** The header spelling ("F32", "BF16", "F16"), or null for a type this reader does not convert. */
    static @Nullable DType parse(String name) {
        for (DType d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
