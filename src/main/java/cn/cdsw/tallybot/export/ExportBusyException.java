package cn.cdsw.tallybot.export;

import java.time.Duration;

/**
 * Other ledgers were being made for longer than a caller waits ({@link ExportGate}): the
 * server is sound, the caller should come back shortly.
 */
public class ExportBusyException extends RuntimeException {

    ExportBusyException(Duration waited) {
        super("other ledgers were being made for " + waited.toSeconds() + " s; try again shortly");
    }

}
