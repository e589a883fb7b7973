package cn.cdsw.tallybot.coordination;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code tallybot.redis.url} (env {@code TALLYBOT_REDIS_URL}) has a non-blank
 * value: that alone chooses the Redis implementations of the coordination ports over the
 * in-process ones (docs/coordination.md §2). A blank value, as a compose file leaves
 * behind, counts as unset, which {@code @ConditionalOnProperty} would not do.
 */
public final class RedisUrl {

    private RedisUrl() {
    }

    static boolean configured(ConditionContext context) {
        return Binder.get(context.getEnvironment())
            .bind("tallybot.redis.url", String.class)
            .map(value -> !value.isBlank())
            .orElse(false);
    }

    /** Matches when Redis is configured. */
    public static final class Present implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context);
        }

    }

    /** Matches when it is not: one process, in-process coordination. */
    public static final class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context);
        }

    }

}
