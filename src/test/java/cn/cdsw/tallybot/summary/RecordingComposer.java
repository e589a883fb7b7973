package cn.cdsw.tallybot.summary;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the real composer: the text names the date and says 补发 for a catch-up;
 * calls are recorded.
 */
final class RecordingComposer implements SummaryComposer {

    /**
     * The smallest valid PNG (1×1, transparent), so chart delivery can be checked without
     * JFreeChart.
     */
    static final byte[] TINY_PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    record Call(LocalDate date, boolean catchUp) {
    }

    final List<Call> composed = new CopyOnWriteArrayList<>();

    final List<DailySummary> posted = new CopyOnWriteArrayList<>();

    private final byte @Nullable [] chart;

    RecordingComposer(byte @Nullable [] chart) {
        this.chart = chart;
    }

    RecordingComposer() {
        this(null);
    }

    static String text(LocalDate date, boolean catchUp) {
        return (catchUp ? "【补发】" : "") + date.getMonthValue() + "月" + date.getDayOfMonth() + "日 社工站日报：上报0条";
    }

    @Override
    public DailySummary compose(LocalDate date, boolean catchUp) {
        composed.add(new Call(date, catchUp));
        return new DailySummary(date, text(date, catchUp), chart, catchUp);
    }

    @Override
    public void posted(DailySummary summary) {
        posted.add(summary);
    }

}
