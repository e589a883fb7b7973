package cn.cdsw.tallybot.export;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Lets {@code tallybot.export.concurrent} ledgers be made at a time, the others waiting
 * their turn in arrival order for up to {@code tallybot.export.queue-wait}. A year's
 * ledger keeps a read connection and both cores of a small server busy for several
 * seconds; two or three at once (two coordinators at the month's end, a double click)
 * would take every read connection SQLite has, and the members' #统计 and the web desk
 * would wait behind them. One at a time, each is as fast as alone, and the rest of the
 * bot keeps a connection and a core.
 */
@Component
public class ExportGate {

    private final Semaphore turns;

    private final Duration wait;

    ExportGate(ExportProperties properties) {
        this.turns = new Semaphore(properties.concurrent(), true);
        this.wait = properties.queueWait();
    }

    /**
     * Waits for a turn; close the pass when the ledger is made.
     * @throws ExportBusyException when no turn came within the wait
     */
    public Pass enter() {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExportBusyException(wait);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportBusyException(wait);
        }
        return new Pass(turns);
    }

    /** A turn to make a ledger; closing it a second time does nothing. */
    public static final class Pass implements AutoCloseable {

        private @Nullable Semaphore turns;

        private Pass(Semaphore turns) {
            this.turns = turns;
        }

        @Override
        public void close() {
            Semaphore held = turns;
            turns = null;
            if (held != null) {
                held.release();
            }
        }

    }

}
