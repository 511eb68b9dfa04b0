package sextant.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import sextant.core.market.BarSeries;
import sextant.core.market.Instrument;
import sextant.core.market.InvalidBarsException;
import sextant.core.market.Quote;
import sextant.core.port.BrokerException;
import sextant.core.port.MarketData;
import sextant.core.port.MarketDataException;

/**
 * {@link MarketData} from Alpaca Market Data: stock bars from {@code /v2/stocks/bars} (adjusted for splits and
 * dividends by default, W-20), crypto bars from {@code /v1beta3/crypto/us/bars}, latest quotes for both.
 *
 * <p>{@link #dailyBars(List, LocalDate, LocalDate)} asks for many symbols per request and follows
 * {@code next_page_token}, so a whole universe costs a few requests instead of one per symbol.
 * Only closed daily bars are returned: a stock day counts as closed from 16:00 New York time, a crypto day
 * (UTC) from the next UTC midnight.
 */
public final class AlpacaMarketData implements MarketData {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int SYMBOLS_PER_REQUEST = 100;
    private static final int MAX_PAGES = 10_000;
    private static final LocalTime STOCK_CLOSE = LocalTime.of(16, 0);

    private final AlpacaHttp http;

    AlpacaMarketData(AlpacaHttp http) {
        this.http = http;
    }

    /**
     * A market data client with its own rate limiter, an injected clock (decides which bars are closed) and sleeper,
     * and seeded jitter. Sends nothing until asked. A cycle gets its client from {@link AlpacaSession}, which shares
     * one rate limiter with the broker.
     */
    public static AlpacaMarketData create(AlpacaConfig config, Clock clock, Sleeper sleeper, long jitterSeed) {
        return new AlpacaMarketData(AlpacaHttp.seeded(config, clock, sleeper, jitterSeed));
    }

    @Override
    public BarSeries dailyBars(Instrument instrument, LocalDate from, LocalDate to) {
        return Objects.requireNonNull(dailyBars(List.of(instrument), from, to).get(instrument),
                "every requested instrument is a key of the result");
    }

    /**
     * Daily bars of many instruments with {@code from <= date <= to}, a few symbols-per-request calls in all.
     * Every requested instrument is a key of the result; one without data maps to an empty series.
     *
     * @throws MarketDataException naming the symbols and the HTTP status or the broken bar
     */
    @Override
    public Map<Instrument, BarSeries> dailyBars(List<Instrument> instruments, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new MarketDataException("alpaca: bar range ends (" + to + ") before it starts (" + from + ")");
        }
        List<Instrument> stocks = new ArrayList<>();
        List<Instrument> crypto = new ArrayList<>();
        for (Instrument in : instruments) {
            (in.isCrypto() ? crypto : stocks).add(in);
        }
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        for (int i = 0; i < stocks.size(); i += SYMBOLS_PER_REQUEST) {
            List<Instrument> chunk = stocks.subList(i, Math.min(stocks.size(), i + SYMBOLS_PER_REQUEST));
            out.putAll(fetchBars("/v2/stocks/bars", chunk, from, to, NEW_YORK));
        }
        for (int i = 0; i < crypto.size(); i += SYMBOLS_PER_REQUEST) {
            List<Instrument> chunk = crypto.subList(i, Math.min(crypto.size(), i + SYMBOLS_PER_REQUEST));
            out.putAll(fetchBars("/v1beta3/crypto/us/bars", chunk, from, to, ZoneOffset.UTC));
        }
        Map<Instrument, BarSeries> ordered = new LinkedHashMap<>();
        for (Instrument in : instruments) {
            ordered.put(in, out.getOrDefault(in, BarSeries.empty(in)));
        }
        return ordered;
    }

    /** Many symbols per request: a 27-symbol cycle needs 2 or 3 bar requests instead of 27. */
    @Override
    public boolean fetchesInBatches() {
        return true;
    }

    @Override
    public Optional<Quote> latestQuote(Instrument instrument) {
        return Optional.ofNullable(latestQuotes(List.of(instrument)).get(instrument));
    }

    /** Latest quotes, one request for all stocks and one for all crypto; instruments without a usable quote are absent. */
    public Map<Instrument, Quote> latestQuotes(List<Instrument> instruments) {
        Map<Instrument, Quote> out = new LinkedHashMap<>();
        List<Instrument> stocks = instruments.stream().filter(i -> !i.isCrypto()).toList();
        List<Instrument> crypto = instruments.stream().filter(Instrument::isCrypto).toList();
        if (!stocks.isEmpty()) {
            out.putAll(fetchQuotes("/v2/stocks/quotes/latest", stocks, true));
        }
        if (!crypto.isEmpty()) {
            out.putAll(fetchQuotes("/v1beta3/crypto/us/latest/quotes", crypto, false));
        }
        return out;
    }

    @Override
    public String describe() {
        return "alpaca:" + http.config().dataUrl() + " (feed=" + http.config().dataFeed() + ", adjustment="
                + http.config().adjustment() + ")";
    }

    private Map<Instrument, BarSeries> fetchBars(String path, List<Instrument> group, LocalDate from, LocalDate to, ZoneId zone) {
        boolean stocks = zone.equals(NEW_YORK);
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument in : group) {
            bySymbol.put(AlpacaSymbols.toAlpaca(in), in);
        }
        String symbols = String.join(",", bySymbol.keySet());
        Map<Instrument, TreeMap<Integer, double[]>> rows = new LinkedHashMap<>();
        Instant now = http.clock().instant();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("symbols", symbols);
            q.put("timeframe", "1Day");
            q.put("start", DateTimeFormatter.ISO_INSTANT.format(from.atStartOfDay(zone).toInstant()));
            q.put("end", DateTimeFormatter.ISO_INSTANT.format(to.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)));
            q.put("limit", "10000");
            if (stocks) {
                q.put("adjustment", http.config().adjustment());
                q.put("feed", http.config().dataFeed());
            }
            if (token != null) {
                q.put("page_token", token);
            }
            JsonNode root = dataJson(path, q, symbols);
            JsonNode bars = root.path("bars");
            for (Map.Entry<String, JsonNode> e : bars.properties()) {
                Instrument in = bySymbol.get(e.getKey());
                if (in == null) {
                    in = bySymbol.get(e.getKey().replace("/", "")); // some answers use the legacy BTCUSD key
                }
                if (in == null || !e.getValue().isArray()) {
                    continue;
                }
                TreeMap<Integer, double[]> acc = rows.computeIfAbsent(in, k -> new TreeMap<>());
                for (JsonNode b : e.getValue()) {
                    Instant t = Json.time(b, "t");
                    if (t == null) {
                        throw new MarketDataException("alpaca " + path + ": " + in.symbol() + ": a bar without a timestamp 't'");
                    }
                    LocalDate day = t.atZone(zone).toLocalDate();
                    if (day.isBefore(from) || day.isAfter(to) || !isClosed(day, stocks, now)) {
                        continue;
                    }
                    acc.put((int) day.toEpochDay(), new double[] {Json.num(b, "o"), Json.num(b, "h"), Json.num(b, "l"),
                            Json.num(b, "c"), Json.num(b, "v")});
                }
            }
            token = Json.text(root, "next_page_token");
            if (token != null && token.isBlank()) {
                token = null;
            }
            if (++pages > MAX_PAGES) {
                throw new MarketDataException("alpaca " + path + ": more than " + MAX_PAGES + " pages for " + symbols);
            }
        } while (token != null);
        Map<Instrument, BarSeries> out = new LinkedHashMap<>();
        for (Map.Entry<Instrument, TreeMap<Integer, double[]>> e : rows.entrySet()) {
            out.put(e.getKey(), toSeries(e.getKey(), e.getValue(), path));
        }
        return out;
    }

    private static boolean isClosed(LocalDate day, boolean stock, Instant now) {
        Instant closes = stock ? day.atTime(STOCK_CLOSE).atZone(NEW_YORK).toInstant()
                : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !now.isBefore(closes);
    }

    private static BarSeries toSeries(Instrument in, SortedMap<Integer, double[]> rows, String path) {
        BarSeries.Builder b = BarSeries.builder(in);
        for (Map.Entry<Integer, double[]> e : rows.entrySet()) {
            double[] r = e.getValue();
            b.add(e.getKey(), r[0], r[1], r[2], r[3], Double.isNaN(r[4]) ? 0 : r[4]);
        }
        try {
            return b.build();
        } catch (InvalidBarsException e) {
            throw new MarketDataException("alpaca " + path + ": " + e.getMessage(), e);
        }
    }

    private Map<Instrument, Quote> fetchQuotes(String path, List<Instrument> group, boolean stocks) {
        Map<String, Instrument> bySymbol = new LinkedHashMap<>();
        for (Instrument in : group) {
            bySymbol.put(AlpacaSymbols.toAlpaca(in), in);
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("symbols", String.join(",", bySymbol.keySet()));
        if (stocks) {
            q.put("feed", http.config().dataFeed());
        }
        JsonNode root = dataJson(path, q, q.get("symbols"));
        Map<Instrument, Quote> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("quotes").properties()) {
            Instrument in = bySymbol.getOrDefault(e.getKey(), bySymbol.get(e.getKey().replace("/", "")));
            if (in == null) {
                continue;
            }
            double bid = Json.num(e.getValue(), "bp");
            double ask = Json.num(e.getValue(), "ap");
            Instant at = Json.time(e.getValue(), "t");
            // A zero side means no quote (e.g. IEX outside hours); one without its time cannot be judged fresh.
            if (bid > 0 && ask > 0 && ask >= bid && at != null) {
                out.put(in, new Quote(in, bid, ask, at));
            }
        }
        return out;
    }

    private JsonNode dataJson(String path, Map<String, String> q, String symbols) {
        try {
            AlpacaHttp.Result r = http.get(AlpacaHttp.Api.DATA, path, q);
            if (!r.ok()) {
                throw http.error(r, "market data for " + symbols);
            }
            return http.json(r);
        } catch (BrokerException e) {
            throw new MarketDataException("alpaca " + path + " [" + symbols + "]: " + e.getMessage(), e);
        }
    }
}
