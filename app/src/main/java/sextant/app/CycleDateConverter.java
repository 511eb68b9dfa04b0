package sextant.app;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --as-of}: a calendar date as YYYY-MM-DD, with a message a trader can act on (no Java class names). */
final class CycleDateConverter implements ITypeConverter<LocalDate> {
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        String v = value.strip();
        if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new TypeConversionException("'" + value + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-19");
        }
        try {
            return LocalDate.parse(v, STRICT);
        } catch (DateTimeException e) {
            throw new TypeConversionException("'" + value + "' is not a calendar date (no such month or day);"
                    + " write it as YYYY-MM-DD, e.g. 2026-03-19");
        }
    }
}
