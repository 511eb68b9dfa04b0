package sextant.paper;

import org.junit.jupiter.api.BeforeEach;
import sextant.core.port.MarketData;

/** A paper broker test that trades {@link #SMALL_ACCOUNT} on its own bars, opened afresh before each test. */
abstract class SmallAccountFixture extends PaperBrokerFixture {
    PaperBroker broker;

    /** The bars the broker settles against. */
    abstract MarketData bars();

    @BeforeEach
    void openSmallAccount() {
        broker = open(bars(), SMALL_ACCOUNT);
    }
}
