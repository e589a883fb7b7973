package cn.cdsw.tallybot.config;

import java.util.List;

/**
 * A county-level area of Chengdu with the short names people type (docs/domain.md §6).
 */
public record District(String name, List<String> aliases) {
    public District {
        aliases = List.copyOf(aliases);
    }
}
