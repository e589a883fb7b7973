package cn.cdsw.tallybot.platform.dingtalk;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The DingTalk adapter runs when both {@code tallybot.dingtalk.app-key} and
 * {@code app-secret} have a non-blank value, read with the binder so that a blank
 * {@code TALLYBOT_DINGTALK_APP_SECRET=} means unset here as in
 * {@link DingTalkProperties}.
 */
final class DingTalkEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        return set(binder, "tallybot.dingtalk.app-key") && set(binder, "tallybot.dingtalk.app-secret");
    }

    private static boolean set(Binder binder, String name) {
        return binder.bind(name, String.class).map(value -> !value.isBlank()).orElse(false);
    }

}
