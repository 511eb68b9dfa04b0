package sextant.chronos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a safetensors file in the standard layout (tensors in name order, header padded with spaces to a multiple
 * of 8). Tensors are produced one at a time by their suppliers and streamed out, so a 200 M-parameter checkpoint
 * never has to be in memory at once.
 */
final class SafetensorsWriter {
    private record Pending(String name, long[] shape, DType dtype, Supplier<float[]> values) {
    }

    private final Map<String, Pending> tensors = new LinkedHashMap<>();

    SafetensorsWriter add(String name, DType dtype, Supplier<float[]> values, long... shape) {
        tensors.put(name, new Pending(name, shape, dtype, values));
        return this;
    }

    void write(Path file) throws IOException {
        List<Pending> sorted = new ArrayList<>(tensors.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Pending p : sorted) {
            long n = 1;
            for (long d : p.shape()) {
                n *= d;
            }
            long bytes = n * p.dtype().bytes;
            String shape = Arrays.toString(p.shape()).replace(" ", "");
            header.append(",\"").append(p.name()).append("\":{\"dtype\":\"").append(p.dtype().name()).append("\",\"shape\":")
                    .append(shape).append(",\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        while ((header.length() + 8) % 8 != 0) {
            header.append(' ');
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
            len.flip();
            writeFully(ch, len);
            writeFully(ch, ByteBuffer.wrap(h));
            for (Pending p : sorted) {
                float[] v = p.values().get();
                ByteBuffer b = ByteBuffer.allocate(v.length * p.dtype().bytes).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    switch (p.dtype()) {
                        case F32 -> b.putFloat(f);
                        case BF16 -> b.putShort((short) (Float.floatToRawIntBits(f) >>> 16));
                        case F16 -> throw new IllegalArgumentException("writing F16 is not supported");
                    }
                }
                b.flip();
                writeFully(ch, b);
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
