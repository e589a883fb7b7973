package cn.cdsw.tallybot.platform.wecom;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on the WeCom secrets, read with the binder like {@link WeComProperties}
 * reads them, so a blank value is unset here too ({@code @ConditionalOnProperty} would
 * take {@code TALLYBOT_WECOM_TOKEN=} as set): the adapter is off until they are set.
 */
final class WeComSwitches {

    private WeComSwitches() {
    }

    private static boolean set(ConditionContext context, String name) {
        return Binder.get(context.getEnvironment())
            .bind(name, String.class)
            .map(value -> !value.isBlank())
            .orElse(false);
    }

    private static boolean anyWebhook(ConditionContext context) {
        return set(context, "tallybot.wecom.webhook-url") || Binder.get(context.getEnvironment())
            .bind("tallybot.wecom.webhooks",
                    org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
            .map(map -> map.values().stream().anyMatch(url -> url != null && !url.isBlank()))
            .orElse(false);
    }

    /** Callbacks are taken: {@code token} and {@code aes-key} are set. */
    static final class Receives implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return set(context, "tallybot.wecom.token") && set(context, "tallybot.wecom.aes-key");
        }

    }

    /** Something can be sent: callbacks (answered by their response_url) or a webhook. */
    static final class Sends implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return new Receives().matches(context, metadata) || anyWebhook(context);
        }

    }

}
