package cn.cdsw.tallybot.summary;

import java.nio.file.Path;

import javax.sql.DataSource;

import cn.cdsw.tallybot.report.SqliteTestDatabase;

import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a SQLite file in a temp directory. */
class SqliteStorageTests extends StorageContractTests {

    @TempDir
    Path dir;

    private DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = SqliteTestDatabase.migrated(dir);
        }
        return dataSource;
    }

}
