/**
 * The coordination ports on Redis through Lettuce, for several replicas
 * (docs/coordination.md): one {@code RedisClient} and one shared connection
 * ({@link cn.cdsw.tallybot.coordination.redis.RedisLink}), short command timeouts, and an
 * in-process fallback for each port while Redis is unreachable, so an outage never stops
 * reports. The only package that imports Lettuce (ArchitectureTests), so the Redis client
 * can change without the core noticing.
 */
@NullMarked
package cn.cdsw.tallybot.coordination.redis;

import org.jspecify.annotations.NullMarked;
