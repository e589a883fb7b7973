package cn.cdsw.tallybot.export;

import java.time.LocalDate;
import java.util.Objects;

import cn.cdsw.tallybot.query.Scope;

/**
 * What a ledger covers: the active records of a scope between two dates, both inclusive.
 */
public record LedgerRequest(LocalDate from, LocalDate to, Scope scope) {

    public LedgerRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(scope, "scope");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a ledger ends before it starts: " + from + ".." + to);
        }
    }

}
