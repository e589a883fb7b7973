package cn.cdsw.tallybot.platform.onebot;

import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on {@code tallybot.onebot.mode} and {@code api-url}, read with the binder
 * like {@link OneBotProperties} reads them, so that a blank value means unset here too
 * ({@code @ConditionalOnProperty} would take {@code TALLYBOT_ONEBOT_MODE=} as set).
 */
final class OneBotModes {

    private OneBotModes() {
    }

    static Set<OneBotProperties.Mode> modes(ConditionContext context) {
        Set<OneBotProperties.Mode> modes = Binder.get(context.getEnvironment())
            .bind("tallybot.onebot.mode", Bindable.setOf(OneBotProperties.Mode.class))
            .orElse(Set.of());
        return modes.isEmpty() ? Set.of(OneBotProperties.Mode.HTTP) : modes;
    }

    static boolean apiUrl(ConditionContext context) {
        return Binder.get(context.getEnvironment())
            .bind("tallybot.onebot.api-url", String.class)
            .map(value -> !value.isBlank())
            .orElse(false);
    }

    static boolean webSocket(ConditionContext context) {
        Set<OneBotProperties.Mode> modes = modes(context);
        return modes.contains(OneBotProperties.Mode.WS_REVERSE) || modes.contains(OneBotProperties.Mode.WS_FORWARD);
    }

    /** Events arrive at {@code POST /webhook/onebot} (the default). */
    static final class Http implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return modes(context).contains(OneBotProperties.Mode.HTTP);
        }

    }

    /** Events arrive over a WebSocket, reverse or forward. */
    static final class WebSocket implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return webSocket(context);
        }

    }

    /** The implementation dials {@code /onebot/v11/ws}. */
    static final class Reverse implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return modes(context).contains(OneBotProperties.Mode.WS_REVERSE);
        }

    }

    /** The bot dials {@code ws-url}. */
    static final class Forward implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return modes(context).contains(OneBotProperties.Mode.WS_FORWARD);
        }

    }

    /**
     * Something can carry actions: the HTTP API, or WebSocket connections once they are
     * open.
     */
    static final class CanSend implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return apiUrl(context) || webSocket(context);
        }

    }

}
