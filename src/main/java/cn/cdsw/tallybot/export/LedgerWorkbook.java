package cn.cdsw.tallybot.export;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ledger whose rows are all read (kept in compressed temporary files, not in memory)
 * and that is ready to be written out as one {@code .xlsx}. Close it to delete the
 * temporary files, written or not.
 */
public final class LedgerWorkbook implements AutoCloseable {

    private final SXSSFWorkbook workbook;

    private final long records;

    LedgerWorkbook(SXSSFWorkbook workbook, long records) {
        this.workbook = workbook;
        this.records = records;
    }

    /** How many records the 明细 sheets hold. */
    public long records() {
        return records;
    }

    /** Writes the workbook; the stream is left open. */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    /** Closes, for a workbook abandoned because something else failed first. */
    void closeQuietly() {
        try {
            close();
        }
        catch (IOException | RuntimeException alreadyFailing) {
            // the temporary files go with the JVM's temp directory clean-up
        }
    }

}
