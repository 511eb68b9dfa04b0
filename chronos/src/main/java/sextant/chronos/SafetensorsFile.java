package sextant.chronos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.forecast.ModelLoadException;

/**
 * A memory-mapped safetensors file: a u64 little-endian header length N, an N-byte JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data. The header is validated on open (every range inside
 * the file, sized exactly as dtype and shape say, no overlaps), so a truncated or foreign file fails here with its
 * name, before any tensor is read. Tensors are read straight from the mapping; nothing is copied until a caller
 * converts one to float32.
 */
final class SafetensorsFile {
    /** Sanity bound on the header: real headers are kilobytes; a huge value means a foreign file. */
    private static final long MAX_HEADER = 100L << 20;

    /** One tensor's header entry; {@code begin} and {@code end} are absolute offsets into the file. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {
        long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    private final Path path;
    private final ByteBuffer data;
    private final Map<String, Entry> entries;

    private SafetensorsFile(Path path, ByteBuffer data, Map<String, Entry> entries) {
        this.path = path;
        this.data = data;
        this.entries = entries;
    }

    static SafetensorsFile open(Path path) {
        MappedByteBuffer map;
        long size;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            size = ch.size();
            if (size > Integer.MAX_VALUE) {
                // One mapping addresses 2 GiB; chronos-bolt-base in float32 is 0.8 GB.
                throw new ModelLoadException(path + ": " + size + " bytes is over the 2 GiB this reader maps; use a float32 or bfloat16 checkpoint under 2 GiB");
            }
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new ModelLoadException(path + ": cannot read: " + e.getMessage(), e);
        }
        map.order(ByteOrder.LITTLE_ENDIAN);
        if (size < 8) {
            throw new ModelLoadException(path + ": truncated or not a safetensors file (" + size + " bytes, no header length)");
        }
        long headerLen = map.getLong(0);
        if (headerLen < 2 || headerLen > MAX_HEADER || 8 + headerLen > size) {
            throw new ModelLoadException(path + ": truncated or not a safetensors file (header length " + headerLen
                    + " with " + size + " bytes in the file)");
        }
        byte[] header = new byte[(int) headerLen];
        map.get(8, header);
        Object parsed;
        try {
            parsed = Json.parse(new String(header, StandardCharsets.UTF_8).stripTrailing());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(path + ": not a safetensors file (header is not JSON: " + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            throw new ModelLoadException(path + ": not a safetensors file (header is not a JSON object)");
        }
        long dataStart = 8 + headerLen;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            entries.put(name, entry(path, name, e.getValue(), dataStart, size));
        }
        checkNoOverlap(path, entries);
        return new SafetensorsFile(path, map, Collections.unmodifiableMap(entries));
    }

    private static Entry entry(Path path, String name, Object value, long dataStart, long size) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ModelLoadException(path + ": tensor " + name + ": header entry is not an object");
        }
        Object dt = m.get("dtype");
        DType dtype = dt instanceof String s ? DType.parse(s) : null;
        if (dtype == null) {
            throw new ModelLoadException(path + ": tensor " + name + ": dtype " + dt + " is not supported (F32, BF16 or F16)");
        }
        long[] shape = longs(path, name, "shape", m.get("shape"));
        long[] offsets = longs(path, name, "data_offsets", m.get("data_offsets"));
        if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0]) {
            throw new ModelLoadException(path + ": tensor " + name + ": bad data_offsets " + Arrays.toString(offsets));
        }
        for (long d : shape) {
            if (d < 0) {
                throw new ModelLoadException(path + ": tensor " + name + ": negative dimension in shape " + Arrays.toString(shape));
            }
        }
        Entry entry = new Entry(name, dtype, shape, dataStart + offsets[0], dataStart + offsets[1]);
        long expected = Math.multiplyExact(entry.elements(), (long) dtype.bytes);
        if (offsets[1] - offsets[0] != expected) {
            throw new ModelLoadException(path + ": tensor " + name + ": data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes, but " + dtype + " " + Arrays.toString(shape) + " needs " + expected);
        }
        if (entry.end() > size) {
            throw new ModelLoadException(path + ": truncated: tensor " + name + " ends at byte " + entry.end() + " but the file has "
                    + size + " bytes; download the file again");
        }
        return entry;
    }

    private static long[] longs(Path path, String name, String field, @Nullable Object v) {
        if (!(v instanceof List<?> list)) {
            throw new ModelLoadException(path + ": tensor " + name + ": '" + field + "' is not a list");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                throw new ModelLoadException(path + ": tensor " + name + ": '" + field + "' holds a non-integer " + list.get(i));
            }
            out[i] = l;
        }
        return out;
    }

    private static void checkNoOverlap(Path path, Map<String, Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        for (int i = 1; i < sorted.size(); i++) {
            Entry prev = sorted.get(i - 1);
            Entry cur = sorted.get(i);
            if (cur.begin() < prev.end()) {
                throw new ModelLoadException(path + ": tensors " + prev.name() + " and " + cur.name() + " overlap; not a valid safetensors file");
            }
        }
    }

    Path path() {
        return path;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /**
     * The tensor as float32 in its stored (row-major) order, checked against the shape the model needs.
     *
     * @throws ModelLoadException naming the file and tensor when it is missing or has another shape
     */
    float[] floats(String name, long... expectedShape) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelLoadException(path + ": tensor " + name + " is missing (expected shape " + Arrays.toString(expectedShape)
                    + "); is this a Chronos-Bolt checkpoint matching its config.json?");
        }
        if (!Arrays.equals(e.shape(), expectedShape)) {
            throw new ModelLoadException(path + ": tensor " + name + " has shape " + Arrays.toString(e.shape()) + ", expected "
                    + Arrays.toString(expectedShape) + " from config.json");
        }
        int n = Math.toIntExact(e.elements());
        float[] out = new float[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = Math.toIntExact(e.begin());
        switch (e.dtype()) {
            case F32 -> b.position(at).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((b.getShort(at + 2 * i) & 0xffff) << 16);
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = halfToFloat(b.getShort(at + 2 * i));
                }
            }
        }
        return out;
    }

    /** IEEE 754 binary16 to float32 (exact: every half is a float). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits >>> 15) << 31;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
