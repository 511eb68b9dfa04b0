package sextant.paper;

import sextant.core.port.MarketData;
import sextant.store.Database;

/** What either clock settles with: the account's database, the bars it fills against, and the fill booking. */
record SettlementParts(Database db, MarketData data, PathExecution execution) {
}
