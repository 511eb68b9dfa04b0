package sextant.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sextant flatten [SYMBOL...]}: close Sextant's own positions at market and cancel its orders there. */
@Command(name = "flatten", mixinStandardHelpOptions = true,
        description = {"Close Sextant's own positions at market (all, or the SYMBOLs given) and cancel its open orders",
                "there. Positions and orders that are not Sextant's are named and left alone. Asks before sending",
                "unless --yes; recorded in the ledger. A repeated flatten finds its own close and sends nothing twice."},
        footer = {"", "Exit codes: 0 done (or nothing of Sextant's to flatten); 1 usage error or not confirmed;",
                "2 an order failed or the account could not be read."})
final class FlattenCommand implements Callable<Integer> {
    @Mixin
    OperatorOptions opts;

    @Parameters(paramLabel = "SYMBOL", arity = "0..*", description = "Symbols to flatten (default: every one Sextant holds).")
    List<String> symbols = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> wanted = new LinkedHashSet<>();
        // The universe's spelling: upper case, crypto pairs without the slash (BTC/USD is BTCUSD).
        symbols.forEach(s -> wanted.add(s.strip().toUpperCase(Locale.ROOT).replace("/", "")));
        return new OperatorAction(OperatorAction.Kind.FLATTEN, opts, spec).run(wanted);
    }
}
