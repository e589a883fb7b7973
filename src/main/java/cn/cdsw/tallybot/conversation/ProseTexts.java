package cn.cdsw.tallybot.conversation;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.command.ReportDraft;

/** The Chinese replies of the prose report loop: the read-back to check, and the answers to 取消 and 确认. */
final class ProseTexts {

    static final String CONFIRM_HINT = "回复「确认」保存，「取消」放弃，或直接发送更正后的内容";
    static final String DISTRICT_HINT = "还差区县：核对无误请直接回复区县名（例如：锦江区）保存，「取消」放弃，或直接发送更正后的内容";
    static final String STILL_NEEDS_DISTRICT = "📝 还差区县，请直接回复区县名（例如：锦江区），收到后保存。";
    static final String CANCELLED = "🗑️ 已取消，这条没有记录。";

    private ProseTexts() {
    }

    /** One figure a line, with the place and day, and what to answer: nothing is stored before the 确认. */
    static String readBack(ReportDraft draft, String totalUnit) {
        StringBuilder text = new StringBuilder("📝 读到以下数字，请核对：\n");
        text.append(orMissing(draft.district(), "区县待补充")).append('·').append(orMissing(draft.unit(), "单位待补充"));
        if (draft.activityDate() != null) {
            text.append('（').append(ReplyTexts.day(draft.activityDate())).append('）');
        }
        text.append('\n');
        draft.figures().forEach(f -> text.append(f).append('\n'));
        if (draft.explicitTotal() == null && draft.materialsTotal() != null) {
            text.append("物资合计").append(draft.materialsTotal()).append(totalUnit).append("（各项相加）\n");
        }
        return text.append(draft.district() == null ? DISTRICT_HINT : CONFIRM_HINT).toString();
    }

    private static String orMissing(@Nullable String value, String missing) {
        return value == null ? missing : value;
    }
}
