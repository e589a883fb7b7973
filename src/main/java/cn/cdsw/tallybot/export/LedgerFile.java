package cn.cdsw.tallybot.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished ledger ({@code .xlsx} or {@code .csv}) in a temporary file, made while the
 * ledger was read and ready to be sent: keeping it on disk rather than streaming it to
 * the client as it is made ends the read before a slow download, and lets a failure
 * midway answer with an error instead of a truncated file. Close it to delete the file,
 * sent or not.
 */
public final class LedgerFile implements AutoCloseable {

    private final Path file;

    private final long records;

    LedgerFile(Path file, long records) {
        this.file = file;
        this.records = records;
    }

    /** How many records its 明细 rows hold. */
    public long records() {
        return records;
    }

    /** Writes the file; the stream is left open. */
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

}
