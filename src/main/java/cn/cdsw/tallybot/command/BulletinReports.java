package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BulletinVocabulary;
import cn.cdsw.tallybot.config.District;

/**
 * Reads a #上报 body that is a bulletin covering several stations (docs/commands.md §10a):
 * {@link BulletinSplitter} cuts it into one part per station and {@link ProseExtractor}
 * reads each part on its own, so no figure can pass from one station to another. Each
 * station takes the category of the heading above it, the district of its own line or of
 * the district line above it (else the one district units.yml lists the unit under), and
 * the day of its own date line, else of the bulletin's, else today.
 */
final class BulletinReports {

    /** Fewer stations than this is a report of one station, read as such. */
    static final int MIN_STATIONS = 2;

    private final BotConfig config;

    private final BulletinSplitter splitter;

    private final ProseExtractor extractor;

    private final ReportBodyParser strict;

    BulletinReports(Lexicon lexicon, ReportBodyParser strict) {
        this.config = lexicon.config();
        this.splitter = new BulletinSplitter(config, strict);
        this.extractor = new ProseExtractor(lexicon);
        this.strict = strict;
    }

    /**
     * The stations of a normalised body; empty when it holds fewer than two.
     * @param characters the length of the whole message, held to the bulletin limit
     * @throws Unreadable when the bulletin holds more stations or characters than
     * prose.yml allows, or no station holds a figure
     */
    Optional<Command.Bulletin> read(String body, int characters, ParseContext context) {
        BulletinSplitter.Split split = splitter.split(body, context);
        int count = split.sections().size();
        if (count < MIN_STATIONS) {
            return Optional.empty();
        }
        BulletinVocabulary limits = config.prose().bulletin();
        if (count > limits.maxStations() || characters > limits.maxCharacters()) {
            throw new Unreadable(
                    new Refusal.BulletinTooLarge(count, limits.maxStations(), characters, limits.maxCharacters()));
        }
        List<BulletinStation> stations = new ArrayList<>();
        for (BulletinSplitter.Section section : split.sections()) {
            stations.add(station(stations.size() + 1, section, split, context));
        }
        if (stations.stream().noneMatch(s -> s.draft().hasFigures())) {
            // as for one paragraph: nothing to show but how to write a figure
            throw new Unreadable(new Refusal.NoFiguresInProse());
        }
        int unplaced = (int) split.unplaced().stream().filter(p -> !extractor.extract(p).isEmpty()).count();
        return Optional.of(new Command.Bulletin(stations, unplaced));
    }

    /**
     * Whether a body is a bulletin of several stations, before anything is read from it:
     * a body longer than one command may be one.
     */
    boolean isBulletin(String body, ParseContext context) {
        return splitter.split(body, context).sections().size() >= MIN_STATIONS;
    }

    private BulletinStation station(int number, BulletinSplitter.Section section, BulletinSplitter.Split split,
            ParseContext context) {
        String district = section.district() != null ? section.district() : listedDistrict(section.unit());
        ProseFigures figures = extractor.extract(String.join("\n", section.paragraphs()));
        ReportDraft draft = new ReportDraft(district, section.unit(), section.category(),
                firstKnown(section.date(), split.date(), context), figures.metrics(), figures.items(),
                figures.explicitTotal(), figures.valueYuan(), null);
        String meant = district == null || section.unit() == null ? null
                : strict.unitNearMiss(district, section.unit()).orElse(null);
        return new BulletinStation(number, draft, figures.notes(), String.join("\n", section.lines()), meant);
    }

    private static LocalDate firstKnown(@Nullable LocalDate own, @Nullable LocalDate bulletin, ParseContext context) {
        return own != null ? own : bulletin != null ? bulletin : context.today();
    }

    /** The one district units.yml lists the unit under, if exactly one does. */
    private @Nullable String listedDistrict(@Nullable String unit) {
        if (unit == null) {
            return null;
        }
        List<String> listing = config.districts()
            .all()
            .stream()
            .map(District::name)
            .filter(d -> config.unitDirectory().unitsOf(d).contains(unit))
            .toList();
        return listing.size() == 1 ? listing.get(0) : null;
    }

}
