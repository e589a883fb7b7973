package cn.cdsw.tallybot.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cdsw.tallybot.command.ProseNotes;
import cn.cdsw.tallybot.command.ReportDraft;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.testing.ShippedWording;

/**
 * The read-back of a pasted paragraph shows beside its figures which ones were written
 * per day or household, and the counts it left out, before anything is stored.
 */
class ProseRepliesTests {

    static final ProseReplies PROSE = ShippedWording.WORDING.prose();

    static final ReportDraft DRAFT = new ReportDraft("锦江区", "三圣街道社工站", null, LocalDate.of(2026, 11, 28),
            List.of(new Metric("checks", "人", 100, true), new Metric("visits", "户", 46, false)),
            List.of(new Item("棉被", 1, "床", false)), null, null, null);

    @Test
    void marksPerPeriodFiguresAndListsWhatWasNotCounted() {
        ProseNotes notes = new ProseNotes(List.of("8个社区社工室", "60名专职社工"),
                List.of(new ProseNotes.PerPeriod("每天", ProseNotes.Kind.METRIC, "checks", "人"),
                        new ProseNotes.PerPeriod("每户", ProseNotes.Kind.ITEM, "棉被", "床")));

        assertThat(PROSE.readBack(DRAFT, notes)).isEqualTo("""
                📝 读到以下数字，请核对：
                锦江区·三圣街道社工站（11月28日）
                走访46户
                排查约100人
                棉被1床
                物资合计1件（各项相加）
                ⏱️ 按原文记录、没有乘以天数或户数：排查约100人（每天）、棉被1床（每户）。要记总数请直接发送更正后的内容
                ℹ️ 未计入：8个社区社工室、60名专职社工
                回复「确认」保存，「取消」放弃，或直接发送更正后的内容""");
    }

    @Test
    void saysNothingMoreWithoutNotes() {
        assertThat(PROSE.readBack(DRAFT, ProseNotes.NONE)).doesNotContain("⏱️").doesNotContain("未计入");
    }

}
