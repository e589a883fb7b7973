package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.RefusalReason.CEILING;
import static cn.cdsw.tallybot.command.RefusalReason.CONFLICT;
import static cn.cdsw.tallybot.command.RefusalReason.DUPLICATE;
import static cn.cdsw.tallybot.command.RefusalReason.FUTURE_DATE;
import static cn.cdsw.tallybot.command.RefusalReason.ITEM_WITHOUT_NAME;
import static cn.cdsw.tallybot.command.RefusalReason.MEASURE_MISSING;
import static cn.cdsw.tallybot.command.RefusalReason.MEASURE_WRONG;
import static cn.cdsw.tallybot.command.RefusalReason.NEGATIVE;
import static cn.cdsw.tallybot.command.RefusalReason.NOT_WHOLE;
import static cn.cdsw.tallybot.command.RefusalReason.NO_FIGURES;
import static cn.cdsw.tallybot.command.RefusalReason.TOO_OLD;
import static cn.cdsw.tallybot.command.RefusalReason.UNKNOWN_CATEGORY;
import static cn.cdsw.tallybot.command.RefusalReason.UNKNOWN_DISTRICT;
import static cn.cdsw.tallybot.command.RefusalReason.UNKNOWN_FIELD;
import static cn.cdsw.tallybot.command.RefusalReason.UNREADABLE;
import static cn.cdsw.tallybot.command.RefusalReason.UNREADABLE_DATE;

import java.util.List;

/** The Chinese refusals of the report grammar: what was wrong, that nothing was stored, what to send instead. */
final class Hints {

    static final String REPORT_EXAMPLE = "#上报 锦江区 三圣街道社工站 走访196户 物资1310件";
    private static final String NOT_STORED = "这条没有记录，请改正后重新发送。";

    private Hints() {
    }

    static Unreadable unreadable(String fragment) {
        return new Unreadable(UNREADABLE, fragment, "❌ 没看懂「" + fragment + "」，" + NOT_STORED
                + "\n补充说明请写「备注：…」。格式：" + REPORT_EXAMPLE);
    }

    static Unreadable unknownField(String fragment, String key) {
        return new Unreadable(UNKNOWN_FIELD, fragment, "❌ 不认识「" + key + "」这一项，" + NOT_STORED
                + "\n可填：区县、单位、类别、日期、物资、物资合计、价值、备注，或指标如 走访196户。");
    }

    static Unreadable unknownDistrict(String word, List<String> nearest) {
        String guess = nearest.isEmpty() ? "请写区县全称，例如：锦江区、高新区、简阳市。"
                : "您是不是要找：" + String.join("、", nearest) + "？";
        return new Unreadable(UNKNOWN_DISTRICT, word, "❌ 没有找到区县「" + word + "」，" + guess + "\n" + NOT_STORED);
    }

    static Unreadable negative(String fragment) {
        return new Unreadable(NEGATIVE, fragment, "❌ 数量不能是负数：「" + fragment + "」。" + NOT_STORED);
    }

    static Unreadable notWhole(String fragment) {
        return new Unreadable(NOT_WHOLE, fragment, "❌ 「" + fragment + "」的数量要是整数。" + NOT_STORED);
    }

    static Unreadable tooLarge(String fragment, long ceiling, String unit) {
        return new Unreadable(CEILING, fragment, "❌ 「" + fragment + "」超过单条上限" + ceiling + unit + "，请核对。"
                + NOT_STORED);
    }

    static Unreadable missingUnit(String fragment, String label, List<String> units) {
        return new Unreadable(MEASURE_MISSING, fragment, "❌ 「" + fragment + "」缺少单位，" + label + "可以用："
                + String.join("、", units) + "。例如：" + label + "3" + units.get(0) + "。" + NOT_STORED);
    }

    static Unreadable wrongUnit(String fragment, String label, List<String> units) {
        return new Unreadable(MEASURE_WRONG, fragment, "❌ 「" + fragment + "」的单位不对，" + label + "只能用："
                + String.join("、", units) + "。" + NOT_STORED);
    }

    static Unreadable duplicate(String fragment) {
        return new Unreadable(DUPLICATE, fragment, "❌ 「" + fragment + "」重复填写了，请合并成一个数。" + NOT_STORED);
    }

    static Unreadable conflict(String fragment, String what) {
        return new Unreadable(CONFLICT, fragment, "❌ 写了两个" + what + "（「" + fragment + "」），一条上报只能有一个。"
                + NOT_STORED);
    }

    static Unreadable materialsTotalUnit(String fragment, String totalUnit) {
        return new Unreadable(MEASURE_WRONG, fragment, "❌ 「" + fragment + "」：物资合计请用「" + totalUnit
                + "」，逐项请写名称，例如：物资：大米224袋、食用油206瓶。" + NOT_STORED);
    }

    static Unreadable itemOutsideMaterials(String fragment) {
        return new Unreadable(UNREADABLE, fragment, "❌ 没看懂「" + fragment + "」。如果是物资，请写在「物资：」后面，例如：物资："
                + fragment + "。" + NOT_STORED);
    }

    static Unreadable itemWithoutName(String fragment) {
        return new Unreadable(ITEM_WITHOUT_NAME, fragment, "❌ 「" + fragment + "」缺少物资名称，例如：大米224袋。" + NOT_STORED);
    }

    static Unreadable badCategory(String fragment, List<String> categories) {
        return new Unreadable(UNKNOWN_CATEGORY, fragment, "❌ 类别「" + fragment + "」不在列表里，可选："
                + String.join("、", categories)
                + "。" + NOT_STORED);
    }

    static Unreadable badDate(String fragment) {
        return new Unreadable(UNREADABLE_DATE, fragment, "❌ 日期「" + fragment + "」看不懂，请写 11月28日、11-28 或 昨天。"
                + NOT_STORED);
    }

    static Unreadable futureDate(String fragment) {
        return new Unreadable(FUTURE_DATE, fragment, "❌ 日期「" + fragment + "」还没到，不能提前上报。" + NOT_STORED);
    }

    static Unreadable tooOld(String fragment, int days) {
        return new Unreadable(TOO_OLD, fragment, "❌ 「" + fragment + "」已超过" + days + "天的补报期限，请联系协调员补报。");
    }

    static Unreadable noFigures() {
        return new Unreadable(NO_FIGURES, "", "❌ 没有读到任何数字，这条没有记录。\n格式：" + REPORT_EXAMPLE);
    }
}
