package cn.cdsw.tallybot.storage;

import org.jspecify.annotations.Nullable;

/**
 * What a caller hands to the {@link Ledger}: database work that runs as one {@link Unit}
 * and returns a result.
 */
@FunctionalInterface
public interface Work<T extends @Nullable Object> {

    T run(Unit unit);

}
