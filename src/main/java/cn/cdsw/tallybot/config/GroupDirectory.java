package cn.cdsw.tallybot.config;

import java.util.List;
import java.util.Optional;

/** The groups of {@code groups.yml}. Messages from other groups are ignored. */
public record GroupDirectory(List<GroupConfig> groups) {

    public GroupDirectory {
        groups = List.copyOf(groups);
    }

    public Optional<GroupConfig> find(String platform, String groupId) {
        return groups.stream().filter(g -> g.platform().equals(platform) && g.id().equals(groupId)).findFirst();
    }

    public List<GroupConfig> summaryGroups() {
        return groups.stream().filter(GroupConfig::summary).toList();
    }
}
