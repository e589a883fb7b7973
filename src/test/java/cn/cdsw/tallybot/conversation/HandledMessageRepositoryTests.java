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

    private static final String HASH = MessageFingerprint.of("20001", "#上报 锦江区 三圣街道社工站 走访196户");

    private static final String OTHER = MessageFingerprint.of("20001", "#上报 锦江区 三圣街道社工站 走访197户");

    @TempDir
    Path dir;

    private HandledMessageRepository repository;

    @BeforeEach
    void setUp() {
        repository = new HandledMessageRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
    }

    @Test
    void firstSaveWinsAndRedeliveryReadsTheSameReply() {
        HandledMessage first = new HandledMessage("onebot", "1418159967", "5501", HASH, AT, "✅ 已记录 #1");

        assertThat(repository.save(first)).isTrue();
        assertThat(
                repository.save(new HandledMessage("onebot", "1418159967", "5501", HASH, AT.plusSeconds(5), "other")))
            .isFalse();
        assertThat(repository.find("onebot", "1418159967", "5501", HASH)).contains(first);
    }

    @Test
    void keepsAHandledMessageWithoutReply() {
        HandledMessage silent = new HandledMessage("onebot", "1418159967", "5502", HASH, AT, null);

        repository.save(silent);

        assertThat(repository.find("onebot", "1418159967", "5502", HASH)).contains(silent);
        assertThat(repository.find("onebot", "other-group", "5502", HASH)).isEmpty();
    }

    @Test
    void aReusedIdWithOtherContentIsANewMessage() {
        HandledMessage first = new HandledMessage("onebot", "1418159967", "5503", HASH, AT, "✅ 已记录 #1");
        HandledMessage reused = new HandledMessage("onebot", "1418159967", "5503", OTHER, AT.plusSeconds(3600),
                "✅ 已记录 #2");

        assertThat(repository.save(first)).isTrue();
        assertThat(repository.save(reused)).isTrue();

        assertThat(repository.find("onebot", "1418159967", "5503", HASH)).contains(first);
        assertThat(repository.find("onebot", "1418159967", "5503", OTHER)).contains(reused);
        assertThat(repository.find("onebot", "1418159967", "5503", MessageFingerprint.of("20002", "别的"))).isEmpty();
    }

    @Test
    void aRowLoggedBeforeFingerprintsStillAnswersItsIdAndBlocksASecondHandling() {
        HandledMessage legacy = new HandledMessage("onebot", "1418159967", "5504", "", AT, "✅ 已记录 #3");
        repository.save(legacy);

        assertThat(repository.find("onebot", "1418159967", "5504", HASH)).contains(legacy);
        assertThat(repository.save(new HandledMessage("onebot", "1418159967", "5504", HASH, AT, "again"))).isFalse();
        assertThat(repository.find("onebot", "1418159967", "5504", HASH)).contains(legacy);
    }

    @Test
    void theFingerprintReadsTheTextAsTheParserDoesAndTellsSendersApart() {
        assertThat(MessageFingerprint.of("20001", "＃上报　锦江区 三圣街道社工站 走访196户 "))
            .isEqualTo(MessageFingerprint.of("20001", "#上报 锦江区 三圣街道社工站 走访196户"));
        assertThat(MessageFingerprint.of("20002", "#上报 锦江区 三圣街道社工站 走访196户")).isNotEqualTo(HASH);
        assertThat(HASH).hasSize(32).isNotEqualTo(OTHER);
    }

}
