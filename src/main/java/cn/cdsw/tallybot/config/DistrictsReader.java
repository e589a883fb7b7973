package cn.cdsw.tallybot.config;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code districts.yml}; a name or alias used twice stops the start. */
final class DistrictsReader {

    private DistrictsReader() {
    }

    static DistrictDirectory read(YamlNode file) {
        List<District> districts = new ArrayList<>();
        UniqueWords unique = new UniqueWords("district name or alias");
        for (YamlNode entry : file.require("districts").list()) {
            YamlNode name = entry.require("name");
            unique.add(name.text(), name);
            YamlNode aliasesNode = entry.get("aliases");
            List<String> aliases = aliasesNode == null ? List.of() : aliasesNode.texts();
            for (YamlNode alias : aliasesNode == null ? List.<YamlNode>of() : aliasesNode.list()) {
                unique.add(alias.text(), alias);
            }
            districts.add(new District(name.text(), aliases));
        }
        if (districts.isEmpty()) {
            throw file.error("no districts configured");
        }
        return new DistrictDirectory(districts);
    }

}
