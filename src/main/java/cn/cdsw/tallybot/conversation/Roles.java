package cn.cdsw.tallybot.conversation;

/** The reply when a member uses a coordinator's command (who may do what: docs/domain.md §10). */
final class Roles {

    private Roles() {
    }

    static String refusal(String command) {
        return "❌ 「" + command + "」只有协调员可以用（群主、群管理员或配置的协调员）。如需帮助请联系协调员。";
    }
}
