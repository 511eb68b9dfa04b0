package sextant.alpaca;

import sextant.core.port.OrderRefusedException;

/** An order broke an Alpaca rule (landscape §5C) and was refused before anything was sent. Names the symbol and the rule. */
public class OrderRuleException extends OrderRefusedException {
    public OrderRuleException(String message) {
        super(message);
    }
}
