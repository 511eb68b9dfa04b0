package sextant.alpaca.fake;

/**
 * The fake trading stream's counters.
 *
 * @param listeners              clients authenticated and listening to trade_updates now
 * @param handshakes             websocket handshakes accepted so far (one per connection, reconnects included)
 * @param refusedAuthentications authentications refused for wrong keys
 */
public record StreamStats(int listeners, int handshakes, int refusedAuthentications) {
}
