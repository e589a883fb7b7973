package cn.cdsw.tallybot.report;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;

class LedgerEntriesSqliteTests extends LedgerEntriesContract {

    @TempDir
    static Path dir;

    @Override
    DataSource migrated() {
        return SqliteTestDatabase.migrated(dir);
    }

}
