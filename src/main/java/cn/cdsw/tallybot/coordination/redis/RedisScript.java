package cn.cdsw.tallybot.coordination.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A Lua script run by {@code EVALSHA}, so each call sends the 40-character digest instead
 * of the script. The digest is computed here, as Redis computes it, so no call waits for
 * a {@code SCRIPT LOAD} up front. When Redis answers {@code NOSCRIPT} (restarted, failed
 * over, or {@code SCRIPT FLUSH}ed) the script is loaded and the call retried once; a
 * second failure goes to the caller like any other Redis error.
 */
record RedisScript(String source, String sha, ScriptOutputType output) {

    static RedisScript of(String source, ScriptOutputType output) {
        return new RedisScript(source, sha1(source), output);
    }

    <T> T run(RedisCommands<String, String> redis, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, output, keys, args);
        }
        catch (RedisNoScriptException e) {
            redis.scriptLoad(source);
            return redis.evalsha(sha, output, keys, args);
        }
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
