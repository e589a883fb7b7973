package cn.cdsw.tallybot.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test data in the shape of the report examples of docs/commands.md §3. */
final class Reports {

    static final Instant RECEIVED = Instant.parse("2026-11-28T11:02:03Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private Reports() {
    }

    static RecordSource source(String messageId) {
        return source("10001", messageId);
    }

    static RecordSource source(String senderId, String messageId) {
        return new RecordSource("onebot", "1418159967", senderId, "张三", messageId, RECEIVED);
    }

    static ReportContent form() {
        return new ReportContent("锦江区", "锦官驿街道社工站", "资源链接", DAY,
                List.of(new Metric("visits", "户", 196, false), new Metric("calls", "次", 300, true),
                        new Metric("visits", "人次", 15, false)),
                List.of(new Item("大米", 224, "袋", false), new Item("一次性手套", 500, "双", false),
                        new Item("食用油", 206, "瓶", false), new Item("消毒酒精", 500, "瓶", true)),
                4283L, new BigDecimal("29739.5"), "发动10家爱心企业、445位爱心个人");
    }

    static ReportContent simple(String district, String unit, LocalDate date) {
        return new ReportContent(district, unit, null, date, List.of(new Metric("visits", "户", 3, false)), List.of(),
                null, null, null);
    }

}
