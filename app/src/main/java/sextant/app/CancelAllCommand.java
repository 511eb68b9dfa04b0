package sextant.app;

import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sextant cancel-all}: cancel every open order of Sextant's; its positions stay. */
@Command(name = "cancel-all", mixinStandardHelpOptions = true,
        description = {"Cancel every open order that Sextant placed (its client order id prefix); orders that are not",
                "Sextant's are named and left alone. Positions stay, without exits until the next cycle.",
                "Asks before sending unless --yes; recorded in the ledger."},
        footer = {"", "Exit codes: 0 done (or nothing to cancel); 1 usage error or not confirmed; 2 a cancel failed."})
final class CancelAllCommand implements Callable<Integer> {
    @Mixin
    OperatorOptions opts;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return new OperatorAction(OperatorAction.Kind.CANCEL_ALL, opts, spec).run(Set.of());
    }
}
