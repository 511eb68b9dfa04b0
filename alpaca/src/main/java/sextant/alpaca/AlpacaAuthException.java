package sextant.alpaca;

/** Alpaca refused the API keys (HTTP 401, or 403 on the account check). Raised before any order is attempted. */
public class AlpacaAuthException extends AlpacaApiException {
    public AlpacaAuthException(String message, int status) {
        super(message, status, 0);
    }
}
