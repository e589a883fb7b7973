package cn.cdsw.tallybot.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a report says, storing and reading it gives it back exactly (money compared as
 * a number).
 */
class ReportRoundTripTests {

    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private static Path dir;

    private static ReportService reports;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("tallybot-roundtrip");
        reports = SqliteTestDatabase.reportService(SqliteTestDatabase.migrated(dir), Clock.systemUTC());
    }

    @AfterContainer
    static void deleteDatabase() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    @Property(tries = 200)
    void storedContentReadsBackExactly(@ForAll("contents") ReportContent content, @ForAll("instants") Instant at) {
        RecordSource source = new RecordSource("onebot", "g", "s", "张三", String.valueOf(MESSAGE_IDS.incrementAndGet()),
                at);

        ActivityRecord stored = reports.store(source, content, "raw").record();
        ActivityRecord read = reports.find(stored.id()).orElseThrow();

        assertThat(read).isEqualTo(stored);
        assertThat(read.source()).isEqualTo(source);
        assertThat(read.content()).usingRecursiveComparison()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .isEqualTo(content);
    }

    @Provide
    Arbitrary<ReportContent> contents() {
        Arbitrary<List<Metric>> metrics = Combinators.combine(text(), text(), amounts(), Arbitraries.of(true, false))
            .as(Metric::new)
            .list()
            .ofMaxSize(6);
        Arbitrary<List<Item>> items = Combinators.combine(text(), amounts(), text(), Arbitraries.of(true, false))
            .as(Item::new)
            .list()
            .ofMaxSize(6);
        Arbitrary<LocalDate> dates = Arbitraries.longs().between(0, 60_000).map(LocalDate::ofEpochDay);
        return Combinators
            .combine(text(), text(), text().injectNull(0.3), dates, metrics, items, amounts().injectNull(0.3),
                    Combinators.combine(yuan().injectNull(0.3), text().injectNull(0.3)).as(Tail::new))
            .as((district, unit, category, date, m, i, total, tail) -> new ReportContent(district, unit, category, date,
                    m, i, total, tail.valueYuan(), tail.note()));
    }

    /** Combinators take at most eight arbitraries; ReportContent has nine fields. */
    private record Tail(@Nullable BigDecimal valueYuan, @Nullable String note) {
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }

    /** Chinese, ASCII letters, digits and the separators people type; never blank. */
    private static final long MAX_AMOUNT = 1_000_000_000_000L;

    private static Arbitrary<String> text() {
        return Arbitraries.strings()
            .withCharRange('\u4e00', '\u9fa5')
            .withCharRange('a', 'z')
            .withChars("0123456789 ·、（）#'\"%_")
            .ofMinLength(1)
            .ofMaxLength(16)
            .filter(s -> !s.isBlank());
    }

    /**
     * Up to 10^12, far above every ceiling the parser lets through (10^7 materials, 10^10
     * fen): the rollups (V5) add records' figures, and a year of a million such records
     * must still fit a 64-bit sum.
     */
    private static Arbitrary<Long> amounts() {
        return Arbitraries.longs().between(0, MAX_AMOUNT);
    }

    /**
     * Any whole-fen amount up to the bound above, in any of its scales (29739.5,
     * 29739.50, 4120).
     */
    private static Arbitrary<BigDecimal> yuan() {
        return Combinators.combine(Arbitraries.longs().between(0, MAX_AMOUNT), Arbitraries.of(true, false))
            .as((fen, strip) -> strip ? BigDecimal.valueOf(fen, 2).stripTrailingZeros() : BigDecimal.valueOf(fen, 2));
    }

}
