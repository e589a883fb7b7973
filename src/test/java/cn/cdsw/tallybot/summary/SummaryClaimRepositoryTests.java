package cn.cdsw.tallybot.summary;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.cdsw.tallybot.platform.GroupRef;
import cn.cdsw.tallybot.report.SqliteTestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim and its compare-and-set transitions (docs/daily-summary.md §3) on a real
 * SQLite file.
 */
class SummaryClaimRepositoryTests {

    static final GroupRef GROUP = new GroupRef("onebot", "639921629");
    static final LocalDate DATE = LocalDate.of(2026, 11, 28);
    static final Instant AT_EIGHT = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    SummaryClaimRepository claims;

    SummaryClaimRepository otherReplica;

    @BeforeEach
    void setUp() {
        var dataSource = SqliteTestDatabase.migrated(dir);
        claims = new SummaryClaimRepository(JdbcClient.create(dataSource));
        otherReplica = new SummaryClaimRepository(JdbcClient.create(SqliteTestDatabase.migrated(dir)));
    }

    @Test
    void onlyTheFirstClaimOfAGroupAndDateInsertsARow() {
        assertThat(claims.claim(GROUP, DATE, false, AT_EIGHT)).isTrue();
        assertThat(otherReplica.claim(GROUP, DATE, true, AT_EIGHT.plusSeconds(30))).isFalse();

        SummaryPost row = claims.find(GROUP, DATE).orElseThrow();
        assertThat(row.status()).isEqualTo(PostStatus.PENDING);
        assertThat(row.catchUp()).isFalse();
        assertThat(row.claimedAt()).isEqualTo(AT_EIGHT);
        assertThat(row.attempts()).isZero();
        assertThat(claims.claim(GROUP, DATE.plusDays(1), false, AT_EIGHT)).isTrue();
        assertThat(claims.claim(new GroupRef("onebot", "1418159967"), DATE, false, AT_EIGHT)).isTrue();
    }

    @Test
    void ofTwoTakersOfOneRowOnlyOneGetsIt() {
        claims.claim(GROUP, DATE, false, AT_EIGHT);
        SummaryPost seenByBoth = claims.due(AT_EIGHT).get(0);

        assertThat(claims.take(seenByBoth, "replica-a", AT_EIGHT)).isTrue();
        assertThat(otherReplica.take(seenByBoth, "replica-b", AT_EIGHT)).isFalse();

        SummaryPost row = claims.find(GROUP, DATE).orElseThrow();
        assertThat(row.status()).isEqualTo(PostStatus.SENDING);
        assertThat(row.owner()).isEqualTo("replica-a");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(claims.due(AT_EIGHT)).isEmpty();
    }

    @Test
    void concurrentClaimsAndTakesLeaveOneRowAndOneSender() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takers = List.of(1, 2, 3, 4, 5, 6, 7, 8)
                .stream()
                .map(i -> (Callable<Boolean>) () -> {
                    SummaryClaimRepository mine = i % 2 == 0 ? claims : otherReplica;
                    mine.claim(GROUP, DATE, false, AT_EIGHT);
                    return mine.due(AT_EIGHT).stream().anyMatch(p -> mine.take(p, "replica-" + i, AT_EIGHT));
                })
                .toList();
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(takers)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRowIsDueAgainOnlyFromItsRetryTime() {
        claims.claim(GROUP, DATE, false, AT_EIGHT);
        SummaryPost post = claims.due(AT_EIGHT).get(0);
        claims.take(post, "a", AT_EIGHT);
        Instant retryAt = AT_EIGHT.plusSeconds(40);

        assertThat(claims.markFailed(post, "a", retryAt, "http_503")).isTrue();

        assertThat(claims.due(retryAt.minusMillis(1))).isEmpty();
        SummaryPost failed = claims.due(retryAt).get(0);
        assertThat(failed.status()).isEqualTo(PostStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("http_503");
        assertThat(claims.take(failed, "a", retryAt)).isTrue();
        assertThat(claims.find(GROUP, DATE).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void onlyTheOwnerFinishesASend() {
        claims.claim(GROUP, DATE, false, AT_EIGHT);
        SummaryPost post = claims.due(AT_EIGHT).get(0);
        claims.take(post, "a", AT_EIGHT);

        assertThat(claims.markSent(post, "b", AT_EIGHT)).isFalse();
        assertThat(claims.markFailed(post, "b", AT_EIGHT, "x")).isFalse();
        assertThat(claims.markSent(post, "a", AT_EIGHT.plusSeconds(1))).isTrue();
        assertThat(claims.markSent(post, "a", AT_EIGHT.plusSeconds(2))).isFalse();

        SummaryPost sent = claims.find(GROUP, DATE).orElseThrow();
        assertThat(sent.status()).isEqualTo(PostStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(AT_EIGHT.plusSeconds(1));
    }

    @Test
    void aRowLeftSendingIsNeitherDueNorTakenAgainButReported() {
        claims.claim(GROUP, DATE, false, AT_EIGHT);
        SummaryPost post = claims.due(AT_EIGHT).get(0);
        claims.take(post, "died", AT_EIGHT);

        assertThat(claims.due(AT_EIGHT.plusSeconds(3600))).isEmpty();
        assertThat(claims.take(post, "next", AT_EIGHT.plusSeconds(3600))).isFalse();
        assertThat(claims.interrupted()).extracting(SummaryPost::owner).containsExactly("died");
    }

    @Test
    void abandoningUnsentNeedsTheRowAsRead() {
        claims.claim(GROUP, DATE, false, AT_EIGHT);
        SummaryPost post = claims.due(AT_EIGHT).get(0);
        claims.take(post, "a", AT_EIGHT);

        assertThat(claims.abandonUnsent(post, "stale")).isFalse();
        assertThat(claims.markAbandoned(post, "a", "retcode 1200")).isTrue();
        assertThat(claims.find(GROUP, DATE).orElseThrow().status()).isEqualTo(PostStatus.ABANDONED);
    }

    @Test
    void aManualPostBlocksTheScheduledPostOrStopsItsRetries() {
        Instant noon = Instant.parse("2026-11-28T04:00:00Z");
        assertThat(claims.recordManualPost(GROUP, DATE, noon)).isTrue();
        assertThat(claims.claim(GROUP, DATE, false, AT_EIGHT)).isFalse();
        assertThat(claims.due(AT_EIGHT)).isEmpty();
        assertThat(claims.recordManualPost(GROUP, DATE, AT_EIGHT)).isFalse();
        assertThat(claims.find(GROUP, DATE).orElseThrow().sentAt()).isEqualTo(noon);

        LocalDate next = DATE.plusDays(1);
        claims.claim(GROUP, next, false, AT_EIGHT);
        SummaryPost pending = claims.due(AT_EIGHT).get(0);
        claims.take(pending, "a", AT_EIGHT);
        claims.markFailed(pending, "a", AT_EIGHT.plusSeconds(30), "http_503");

        assertThat(claims.recordManualPost(GROUP, next, AT_EIGHT.plusSeconds(10))).isTrue();
        assertThat(claims.due(AT_EIGHT.plusSeconds(60))).isEmpty();
        assertThat(claims.find(GROUP, next).orElseThrow().status()).isEqualTo(PostStatus.SENT);
    }

}
