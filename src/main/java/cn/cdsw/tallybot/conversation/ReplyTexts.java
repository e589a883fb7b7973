package cn.cdsw.tallybot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.cdsw.tallybot.command.FigureText;
import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.MetricDictionary;
import cn.cdsw.tallybot.report.ActivityRecord;
import cn.cdsw.tallybot.report.Item;
import cn.cdsw.tallybot.report.Metric;
import cn.cdsw.tallybot.report.ReportContent;

/** The Chinese replies about records: short, with the record id and what to send next. */
final class ReplyTexts {

    static final String ASK_DISTRICT = "📝 收到，还差区县。请补充区县，例如：锦江区（5分钟内直接回复区县名即可）";
    static final String MISSING_UNIT = "❌ 还缺单位，这条没有记录。请写：#上报 锦江区 三圣街道社工站 走访196户"
            + "；也可以先发「#绑定 区县 单位」，以后就不用每次写。";

    private ReplyTexts() {
    }

    static String stored(ActivityRecord record, List<String> figures) {
        return "✅ 已记录 #" + record.id() + " " + place(record.content()) + "：" + String.join("，", figures)
                + "。发送「#撤回 " + record.id() + "」可撤回。";
    }

    static String corrected(long oldId, ActivityRecord record, List<String> figures) {
        return "✅ 已更正 #" + oldId + "，新记录 #" + record.id() + " " + place(record.content()) + "："
                + String.join("，", figures) + "。发送「#撤回 " + record.id() + "」可撤回。";
    }

    static String retracted(ActivityRecord record, List<String> figures) {
        return "↩️ 已撤回 #" + record.id() + " " + place(record.content()) + "：" + String.join("，", figures) + "。";
    }

    static String notFound(long id) {
        return "❌ 没有找到记录 #" + id + "，请核对编号（发送「#我的」查看）。";
    }

    static String place(ReportContent content) {
        return content.district() + "·" + content.unit() + "（" + day(content.activityDate()) + "）";
    }

    static String day(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@link #figures(ReportContent, MetricDictionary, String)} with the bot's metric names and total unit. */
    static List<String> figures(ReportContent content, BotConfig config) {
        return figures(content, config.metrics(), config.materials().totalUnit());
    }

    /** The figures of a stored record, metrics first, then items, total and value. */
    static List<String> figures(ReportContent content, MetricDictionary dictionary, String totalUnit) {
        List<String> figures = new ArrayList<>();
        for (Metric m : content.metrics()) {
            String label = dictionary.label(m.key());
            figures.add(FigureText.metric(label, m));
        }
        for (Item item : content.items()) {
            figures.add(FigureText.item(item));
        }
        if (content.materialsTotal() != null && content.items().isEmpty()) {
            figures.add(FigureText.materialsTotal(content.materialsTotal(), totalUnit));
        } else if (content.materialsTotal() != null) {
            figures.add("合计" + content.materialsTotal() + totalUnit);
        }
        if (content.valueYuan() != null) {
            figures.add(FigureText.value(content.valueYuan()));
        }
        return figures;
    }
}
