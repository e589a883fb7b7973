package cn.cdsw.tallybot.conversation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.CommandType;

/** #帮助: what the bot understands, with examples a social worker can copy. */
final class HelpTexts {

    private static final String GENERAL = """
            🤖 社工数据小助手，可以这样用：
            #上报 锦江区 三圣街道社工站 走访196户 物资1310件
            #绑定 锦江区 三圣街道社工站（以后上报可省略区县和单位）
            #我的（看今天的记录）
            #撤回 或 #撤回 128
            #更正 128 走访206户
            发送「#帮助 上报」看上报的详细写法。""";

    private static final Map<CommandType, String> TOPICS = Map.of(
            CommandType.REPORT, """
                    📋 上报写法（一行或一项一行都可以）：
                    #上报 锦江区 三圣街道社工站 走访196户 电话300余个 个案2个
                    #上报
                    区县：锦江区
                    单位：锦官驿街道社工站
                    类别：资源链接
                    物资：大米224袋、食用油206瓶
                    物资合计：4283件
                    价值：29739.5元
                    日期：11月28日（不写就是今天）
                    备注：发动10家爱心企业
                    指标：走访、电话、咨询、心理疏导、个案、志愿者、宣传、排查、服务""",
            CommandType.BIND, "📌 #绑定 锦江区 三圣街道社工站\n绑定后上报只写数字即可：#上报 走访3户",
            CommandType.RETRACT, "↩️ #撤回 撤回您最近的一条；#撤回 128 撤回指定编号。只能撤回自己的记录（协调员除外）。",
            CommandType.CORRECT, "✏️ #更正 128 走访206户\n只改写到的内容，其余不变；原记录作废，生成新编号。",
            CommandType.MINE, "📋 #我的 查看您今天在本群的记录和编号。");

    private HelpTexts() {
    }

    static String help(@Nullable CommandType topic) {
        return topic == null ? GENERAL : TOPICS.getOrDefault(topic, GENERAL);
    }
}
