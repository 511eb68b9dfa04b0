package sextant.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sextant.core.port.MarketDataException;

/**
 * Turns a CSV file's bytes into lines of text, and quotes its content safely in error messages.
 *
 * <p>Accepted: UTF-8 with or without a byte-order mark, and UTF-16 (little- or big-endian), recognised by its
 * byte-order mark or, without one, by NUL bytes in every other position of the first line (what spreadsheet
 * programs write for "Unicode text"). Any other file with NUL bytes is binary and refused, as is text that is
 * not valid UTF-8, with the line where decoding failed. Error messages never echo raw bytes: {@link #snippet}
 * keeps printable ASCII only, so a binary file cannot write control sequences to the user's terminal.
 */
final class CsvText {
    /** Longest quoted excerpt of a file's content in an error message. */
    static final int SNIPPET_CHARS = 40;
    /** Bytes inspected to tell UTF-16 without a byte-order mark from binary data. */
    private static final int SNIFF_BYTES = 512;

    private CsvText() {
    }

    static List<String> lines(String name, byte[] bytes) {
        int n = bytes.length;
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return decode(name, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16");
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return decode(name, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16");
        }
        int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int firstNul = indexOfNul(bytes);
        if (firstNul >= 0) {
            Charset utf16 = utf16WithoutBom(bytes);
            if (utf16 == null) {
                throw new MarketDataException(name + ": is binary, not a CSV text file (NUL byte at offset " + firstNul
                        + "); expected a header line such as Date,Open,High,Low,Close,Volume");
            }
            return decode(name, bytes, 0, utf16, "UTF-16");
        }
        return decode(name, bytes, start, StandardCharsets.UTF_8, "UTF-8");
    }

    /**
     * UTF-16 text without a byte-order mark has, for ASCII content such as a CSV header, a NUL in every other
     * byte: the odd ones for little-endian, the even ones for big-endian.
     */
    private static @Nullable Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < n; i += 2) {
            le &= bytes[i] != 0 && bytes[i + 1] == 0;
            be &= bytes[i] == 0 && bytes[i + 1] != 0;
        }
        return le ? StandardCharsets.UTF_16LE : be ? StandardCharsets.UTF_16BE : null;
    }

    private static List<String> decode(String name, byte[] bytes, int start, Charset charset, String label) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((bytes.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            String hint = charset.equals(StandardCharsets.UTF_8)
                    ? "is not UTF-8 text (invalid byte at offset " + in.position() + "); save it as UTF-8"
                    : "is not valid " + label + " text (at byte offset " + in.position() + "); save it as UTF-8";
            throw new MarketDataException(name + ": line " + line + ": " + hint, asException(result));
        }
        out.flip();
        String text = out.toString();
        if (!charset.equals(StandardCharsets.UTF_8) && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    private static @Nullable CharacterCodingException asException(CoderResult result) {
        try {
            result.throwException();
        } catch (CharacterCodingException e) {
            return e;
        }
        return null;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A safe excerpt of file content for an error message: printable ASCII kept, anything else shown as '?',
     * cut to {@link #SNIPPET_CHARS} characters.
     */
    static String snippet(String raw) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), SNIPPET_CHARS + 3));
        for (int i = 0; i < raw.length() && sb.length() < SNIPPET_CHARS; i++) {
            char c = raw.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        if (raw.length() > SNIPPET_CHARS) {
            sb.append("...");
        }
        return sb.toString();
    }
}
