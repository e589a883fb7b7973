package cn.cdsw.tallybot.config;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the UTF-8 YAML files of {@code bot-config/} into a {@link BotConfig}. Every
 * problem is a {@link BotConfigException} naming the file and line; the bot refuses to
 * start on one.
 */
public final class BotConfigLoader {

    /** Files a bot may do without: no expected units, no holidays. */
    private static final Set<String> OPTIONAL = Set.of("units.yml", "calendar.yml");

    private final Path dir;

    /**
     * Every file read, so that keys no reader asked for can be refused once all have been
     * read.
     */
    private final List<YamlNode> read = new ArrayList<>();

    private BotConfigLoader(Path dir) {
        this.dir = dir;
    }

    public static BotConfig load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BotConfigException("configuration directory " + dir.toAbsolutePath()
                    + " not found (set TALLYBOT_CONFIG_DIR or run from the folder that holds bot-config/)");
        }
        return new BotConfigLoader(dir).load();
    }

    private BotConfig load() {
        DistrictDirectory districts = DistrictsReader.read(file("districts.yml"));
        YamlNode metricsFile = file("metrics.yml");
        MetricDictionary metrics = MetricsReader.read(metricsFile);
        MaterialsVocabulary materials = materials(metricsFile);
        YamlNode categoriesFile = file("categories.yml");
        List<String> categories = categoriesFile.require("categories").texts();
        CommandWords commands = commands(file("commands.yml"));
        Grammar grammar = GrammarReader.read(file("grammar.yml"), metrics);
        GroupDirectory groups = groups(file("groups.yml"));
        Coordinators coordinators = coordinators(file("coordinators.yml"));
        UnitDirectory units = unitDirectory(optionalFile("units.yml"), districts);
        ProseVocabulary prose = ProseReader.read(file("prose.yml"), metrics);
        WorkCalendar calendar = CalendarReader.read(optionalFile("calendar.yml"));
        read.forEach(YamlNode::checkKeys);
        return new BotConfig(districts, metrics, materials, categories, commands, grammar, groups, coordinators, units,
                prose, calendar);
    }

    private YamlNode file(String name) {
        YamlNode file = optionalFile(name);
        if (file == null) {
            throw new BotConfigException(shown(name) + ": file is empty");
        }
        return file;
    }

    /**
     * The file, or null where it is missing, empty or only comments (units.yml may be all
     * three).
     */
    private @Nullable YamlNode optionalFile(String name) {
        Path path = dir.resolve(name);
        String shown = shown(name);
        if (!Files.exists(path) && OPTIONAL.contains(name)) {
            return null;
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                return null;
            }
            YamlNode file = new YamlNode(shown, root);
            read.add(file);
            return file;
        }
        catch (MalformedInputException e) {
            throw new BotConfigException(shown + ": not UTF-8 text; save it as UTF-8", e);
        }
        catch (IOException e) {
            throw new BotConfigException(shown + ": cannot read (" + e.getMessage() + ")", e);
        }
        catch (YAMLException e) {
            throw new BotConfigException(shown + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    private String shown(String name) {
        return dir.getFileName() + "/" + name;
    }

    private static MaterialsVocabulary materials(YamlNode file) {
        YamlNode materials = file.require("materials");
        Set<String> units = new LinkedHashSet<>();
        UniqueWords unique = new UniqueWords("materials unit");
        for (YamlNode unit : materials.require("units").list()) {
            unique.add(unit.text(), unit);
            units.add(unit.text());
        }
        YamlNode totalUnit = materials.require("total-unit");
        if (!units.contains(totalUnit.text())) {
            throw totalUnit.error("total-unit '" + totalUnit.text() + "' is not among the materials units");
        }
        YamlNode value = file.require("value");
        return new MaterialsVocabulary(totalUnit.text(), materials.require("ceiling").number(), units,
                new HashSet<>(materials.require("items").texts()),
                BigDecimal.valueOf(value.require("ceiling-yuan").number()));
    }

    private static CommandWords commands(YamlNode file) {
        List<String> prefixes = file.require("prefixes").texts();
        Map<String, CommandType> words = new LinkedHashMap<>();
        UniqueWords unique = new UniqueWords("command word");
        file.require("commands").entries().forEach((key, node) -> {
            CommandType type = commandType(key, node);
            for (YamlNode word : node.list()) {
                String lower = word.text().toLowerCase(Locale.ROOT);
                unique.add(lower, word);
                words.put(lower, type);
            }
        });
        Map<String, CommandWords.Switch> switches = new LinkedHashMap<>();
        YamlNode switchWords = file.get("switches");
        if (switchWords != null) {
            UniqueWords uniqueSwitch = new UniqueWords("switch word");
            switchWords.entries().forEach((key, node) -> {
                CommandWords.Switch value = switchOf(key, node);
                for (YamlNode word : node.list()) {
                    String lower = word.text().toLowerCase(Locale.ROOT);
                    uniqueSwitch.add(lower, word);
                    switches.put(lower, value);
                }
            });
        }
        return new CommandWords(prefixes, words, switches);
    }

    private static CommandWords.Switch switchOf(String key, YamlNode at) {
        for (CommandWords.Switch value : CommandWords.Switch.values()) {
            if (value.configKey().equals(key)) {
                return value;
            }
        }
        throw at.error("unknown switch '" + key + "' (on, off, now)");
    }

    private static CommandType commandType(String key, YamlNode at) {
        for (CommandType type : CommandType.values()) {
            if (type.configKey().equals(key)) {
                return type;
            }
        }
        throw at.error("unknown command '" + key + "'");
    }

    private static GroupDirectory groups(YamlNode file) {
        List<GroupConfig> groups = new ArrayList<>();
        UniqueWords unique = new UniqueWords("group");
        YamlNode list = file.require("groups");
        for (YamlNode g : list.list()) {
            String platform = g.require("platform").text();
            String id = g.require("id").text();
            unique.add(platform + ":" + id, g);
            YamlNode summary = g.get("summary");
            YamlNode name = g.get("name");
            YamlNode reminders = g.get("reminders");
            groups.add(new GroupConfig(platform, id, name == null ? id : name.text(), summary != null && summary.bool(),
                    reminders == null ? null : CalendarReader.times(reminders), CalendarReader.reportingDays(g)));
        }
        if (groups.isEmpty()) {
            // the bot answers only the groups listed, so with none it would ignore every
            // message without a word
            throw list.error("no groups listed: the bot would ignore every message; add each group it serves "
                    + "(platform, id, and summary: true for the daily summary)");
        }
        return new GroupDirectory(groups);
    }

    private static UnitDirectory unitDirectory(@Nullable YamlNode file, DistrictDirectory districts) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        Map<String, ReportingDays> days = new LinkedHashMap<>();
        YamlNode entries = file == null ? null : file.get("units");
        if (entries == null) {
            return new UnitDirectory(units);
        }
        entries.entries().forEach((district, list) -> {
            String name = districts.resolve(district)
                .map(District::name)
                .orElseThrow(() -> list.error("unknown district '" + district + "' (see districts.yml)"));
            UniqueWords unique = new UniqueWords("unit of " + name);
            List<String> names = new ArrayList<>();
            for (YamlNode unit : list.list()) {
                // a unit is its name, or {name: …, weekends: …, holidays: …, weekdays:
                // […]}
                YamlNode unitName = unit.isMapping() ? unit.require("name") : unit;
                unique.add(unitName.text(), unitName);
                names.add(unitName.text());
                if (unit.isMapping()) {
                    days.put(UnitDirectory.key(name, unitName.text()), CalendarReader.reportingDays(unit));
                }
            }
            units.put(name, names);
        });
        return new UnitDirectory(units, days);
    }

    private static Coordinators coordinators(YamlNode file) {
        YamlNode admins = file.get("group-admins-are-coordinators");
        Set<Coordinators.Coordinator> users = new HashSet<>();
        YamlNode list = file.get("coordinators");
        for (YamlNode c : list == null ? List.<YamlNode>of() : list.list()) {
            // name: is a label for the people editing the file (whose account is this?);
            // the bot does not use it
            c.get("name");
            users.add(new Coordinators.Coordinator(c.require("platform").text(), c.require("user-id").text()));
        }
        return new Coordinators(admins != null && admins.bool(), users);
    }

}
