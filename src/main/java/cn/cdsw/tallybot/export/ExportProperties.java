package cn.cdsw.tallybot.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tallybot.export.*}: how large a ledger #导出 may send into a chat, and how many
 * ledgers are made at once. The admin API's export has no size limit, since it streams; a
 * chat file is made in memory and travels base64 in one OneBot action.
 *
 * @param chatMaxRecords the most records a ledger sent into a chat may hold; more is
 * refused with a hint to narrow the scope or use the admin API
 * @param chatMaxBytes the largest workbook sent into a chat, in bytes (base64 adds a
 * third on the wire)
 * @param concurrent how many ledgers (workbook or CSV, API, web desk or chat) are made at
 * once; the others wait their turn ({@link ExportGate})
 * @param queueWait how long a ledger waits for its turn before the caller is told to come
 * back later
 */
@ConfigurationProperties("tallybot.export")
public record ExportProperties(@DefaultValue("50000") int chatMaxRecords, @DefaultValue("10485760") int chatMaxBytes,
        @DefaultValue("1") int concurrent, @DefaultValue("2m") Duration queueWait) {

    public ExportProperties {
        if (chatMaxRecords < 1) {
            throw new IllegalArgumentException("tallybot.export.chat-max-records must be at least 1");
        }
        if (chatMaxBytes < 1024) {
            throw new IllegalArgumentException("tallybot.export.chat-max-bytes must be at least 1024");
        }
        if (concurrent < 1) {
            throw new IllegalArgumentException("tallybot.export.concurrent must be at least 1");
        }
        if (queueWait.isNegative()) {
            throw new IllegalArgumentException("tallybot.export.queue-wait must not be negative");
        }
    }

}
