package cn.cdsw.tallybot.conversation;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.report.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class HandledMessageRepositoryTests {

    private static final Instant AT = Instant.parse("2026-11-28T11:02:03.123Z");

    @TempDir
    Path dir;

    private HandledMessageRepository repository;

    @BeforeEach
    void setUp() {
        repository = new HandledMessageRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
    }

    @Test
    void firstSaveWinsAndRedeliveryReadsTheSameReply() {
        HandledMessage first = new HandledMessage("onebot", "1418159967", "5501", AT, "✅ 已记录 #1");

        assertThat(repository.save(first)).isTrue();
        assertThat(repository.save(new HandledMessage("onebot", "1418159967", "5501", AT.plusSeconds(5), "other")))
            .isFalse();
        assertThat(repository.find("onebot", "1418159967", "5501")).contains(first);
    }

    @Test
    void keepsAHandledMessageWithoutReply() {
        HandledMessage silent = new HandledMessage("onebot", "1418159967", "5502", AT, null);

        repository.save(silent);

        assertThat(repository.find("onebot", "1418159967", "5502")).contains(silent);
        assertThat(repository.find("onebot", "other-group", "5502")).isEmpty();
    }

}
