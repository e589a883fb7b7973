package cn.cdsw.tallybot.conversation;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;

import cn.cdsw.tallybot.storage.StorageFixtures;

/** {@link ReplyLogPruningContract} on SQLite, through the group commit writer. */
class ReplyLogPruningTests extends ReplyLogPruningContract {

    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        return StorageFixtures.migratedSqlite(dir);
    }

}
