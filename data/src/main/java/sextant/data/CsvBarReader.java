package sextant.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.InvalidBarsException;
import sextant.core.port.MarketDataException;

/**
 * Reads one daily-bar CSV file. Accepts the three layouts found in the wild (Yahoo-style
 * {@code Date,close,high,low,open,volume}; Alpaca-style {@code timestamp,open,high,low,close,volume,...};
 * Quandl WIKI with {@code Adj. Open..Adj. Volume}): header names are case-insensitive, columns may come in any
 * order, rows may be oldest- or newest-first, and adjusted columns are preferred when present. Yahoo's
 * {@code Date,Open,High,Low,Close,Adj Close,Volume} has only an adjusted close: open, high and low are then scaled
 * by that row's Adj Close / Close, so that every price is on the adjusted basis (volume is left as published).
 * Text is UTF-8 with or without a byte-order mark, or UTF-16 (see {@link CsvText}).
 *
 * <p>Any broken row is an error naming the file, the line and the reason; nothing is silently skipped.
 */
public final class CsvBarReader {
    private CsvBarReader() {
    }

    public static BarSeries read(Path file, Instrument instrument) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MarketDataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), CsvText.lines(file.toString(), bytes), instrument);
    }

    /**
     * The first data row's value in the column named {@code column} (case-insensitive), or null when the file has
     * no such column, no data row, or cannot be read (reading the bars then reports why).
     */
    static @Nullable String firstValueOf(Path file, String column) {
        List<String> lines;
        try {
            lines = CsvText.lines(file.toString(), Files.readAllBytes(file));
        } catch (IOException | MarketDataException e) {
            return null;
        }
        if (lines.size() < 2) {
            return null;
        }
        String[] header = split(stripBom(lines.get(0)));
        String[] row = split(lines.get(1));
        for (int i = 0; i < header.length && i < row.length; i++) {
            if (unquote(header[i].trim()).equalsIgnoreCase(column)) {
                return unquote(row[i].trim());
            }
        }
        return null;
    }

    static BarSeries parse(String name, List<String> lines, Instrument instrument) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new MarketDataException(name + ": file is empty; expected a header line such as Date,Open,High,Low,Close,Volume");
        }
        String[] header = split(stripBom(lines.get(0)));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.putIfAbsent(unquote(header[i].trim()).toLowerCase(Locale.ROOT), i);
        }
        int date = find(col, "date", "timestamp", "time", "datetime");
        int adjClose = find(col, "adj. close", "adj close", "adj_close", "adjclose", "adjusted close");
        // Quandl WIKI carries every price adjusted (Adj. Open .. Adj. Close): use those columns as they are.
        // Yahoo carries only Adj Close: scale the raw open, high and low by that day's Adj Close / Close, so that
        // all four prices are on the same (split- and dividend-adjusted) basis.
        boolean fullyAdjusted = adjClose >= 0 && find(col, "adj. open", "adj open") >= 0
                && find(col, "adj. high", "adj high") >= 0 && find(col, "adj. low", "adj low") >= 0;
        boolean scaleByAdjClose = adjClose >= 0 && !fullyAdjusted;
        int open = fullyAdjusted ? find(col, "adj. open", "adj open") : find(col, "open");
        int high = fullyAdjusted ? find(col, "adj. high", "adj high") : find(col, "high");
        int low = fullyAdjusted ? find(col, "adj. low", "adj low") : find(col, "low");
        int close = fullyAdjusted ? adjClose : find(col, "close");
        int volume = fullyAdjusted && (col.containsKey("adj. volume") || col.containsKey("adj volume"))
                ? find(col, "adj. volume", "adj volume") : find(col, "volume");
        String[][] required = {{"date", "timestamp"}, {"open"}, {"high"}, {"low"}, {"close"}};
        int[] idx = {date, open, high, low, close};
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0) {
                throw new MarketDataException(name + ": line 1: missing column '" + required[i][0]
                        + "' (header: " + CsvText.snippet(stripBom(lines.get(0)).trim()) + ")");
            }
        }
        List<Row> rows = new ArrayList<>(lines.size());
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            int lineNo = ln + 1;
            String where = name + ": line " + lineNo;
            int needed = Math.max(Math.max(Math.max(date, open), Math.max(Math.max(high, low), Math.max(close, volume))),
                    adjClose);
            if (f.length <= needed) {
                throw new MarketDataException(where + ": expected " + header.length + " fields, found " + f.length);
            }
            Row r = new Row();
            r.line = lineNo;
            r.day = parseDate(where, f[date]);
            r.open = price(where, "open", f[open]);
            r.high = price(where, "high", f[high]);
            r.low = price(where, "low", f[low]);
            r.close = price(where, "close", f[close]);
            r.volume = volume < 0 || f[volume].isBlank() ? 0 : number(where, "volume", f[volume]);
            if (r.volume < 0) {
                throw new MarketDataException(where + ": volume " + r.volume + " is negative");
            }
            if (r.high < Math.max(r.open, r.close) || r.low > Math.min(r.open, r.close)) {
                throw new MarketDataException(where + ": high/low do not bracket open/close (o=" + r.open + " h=" + r.high
                        + " l=" + r.low + " c=" + r.close + ")");
            }
            if (scaleByAdjClose) {
                double factor = price(where, "adj close", f[adjClose]) / r.close;
                r.open *= factor;
                r.high *= factor;
                r.low *= factor;
                r.close *= factor;
            }
            rows.add(r);
        }
        boolean newestFirst = rows.size() > 1 && rows.get(0).day > rows.get(rows.size() - 1).day;
        if (newestFirst) {
            java.util.Collections.reverse(rows);
        }
        BarSeries.Builder b = BarSeries.builder(instrument);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (i > 0 && r.day <= rows.get(i - 1).day) {
                Row prev = rows.get(i - 1);
                String what = r.day == prev.day ? "duplicate date " : "date out of order ";
                throw new MarketDataException(name + ": line " + r.line + ": " + what + LocalDate.ofEpochDay(r.day)
                        + " (also on line " + prev.line + ")");
            }
            b.add(r.day, r.open, r.high, r.low, r.close, r.volume);
        }
        try {
            return b.build();
        } catch (InvalidBarsException e) {
            throw new MarketDataException(name + ": " + e.getMessage(), e);
        }
    }

    private static final class Row {
        int line;
        int day;
        double open;
        double high;
        double low;
        double close;
        double volume;
    }

    private static int find(Map<String, Integer> col, String... names) {
        for (String n : names) {
            Integer i = col.get(n);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Dates are {@code yyyy-MM-dd}, optionally followed by a time; the calendar date as written is used. */
    private static int parseDate(String where, String raw) {
        String s = unquote(raw.trim());
        if (s.length() < 10) {
            throw new MarketDataException(where + ": cannot read date '" + CsvText.snippet(s) + "'; expected yyyy-MM-dd");
        }
        try {
            return (int) LocalDate.parse(s.substring(0, 10)).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new MarketDataException(where + ": cannot read date '" + CsvText.snippet(s) + "'; expected yyyy-MM-dd");
        }
    }

    private static double price(String where, String field, String raw) {
        double v = number(where, field, raw);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new MarketDataException(where + ": " + field + " price " + CsvText.snippet(raw.trim())
                    + " must be a finite number > 0");
        }
        return v;
    }

    private static double number(String where, String field, String raw) {
        String s = unquote(raw.trim());
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new MarketDataException(where + ": " + field + " '" + CsvText.snippet(s) + "' is not a number");
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }
}
