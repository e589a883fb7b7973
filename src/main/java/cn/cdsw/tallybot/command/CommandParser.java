package cn.cdsw.tallybot.command;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.CommandType;
import cn.cdsw.tallybot.config.InputLimits;

/**
 * Reads a chat message into a {@link Command} (docs/commands.md). A pure function of the
 * text and the {@link ParseContext}: no Spring, no I/O, no clock. A message is a command
 * when it starts with a command word, optionally after {@code #}/{@code /}, or when
 * it @-mentions the bot; without a prefix or a mention the word must stand alone
 * ({@code 报告领导…} is chat, {@code 上报 锦江区…} is a command).
 */
public final class CommandParser {

    /**
     * Strict refusals of a body that are about how its figures are written, which a
     * paragraph without a figure answers better.
     */
    private static final Set<RefusalReason> ABOUT_THE_FIGURES = EnumSet.of(RefusalReason.UNREADABLE,
            RefusalReason.NO_FIGURES, RefusalReason.MEASURE_MISSING, RefusalReason.MEASURE_WRONG,
            RefusalReason.ITEM_WITHOUT_NAME, RefusalReason.DUPLICATE, RefusalReason.UNKNOWN_FIELD);

    private static final Pattern RECORD_ID = Pattern.compile("^#?(\\d{1,12})(?:\\s+|$)");

    private final BotConfig config;

    private final List<Map.Entry<String, CommandType>> wordsLongestFirst;

    private final ReportBodyParser reports;

    private final ProseReports prose;

    private final BulletinReports bulletins;

    private final QueryBodyParser queries;

    public CommandParser(BotConfig config) {
        this.config = config;
        this.wordsLongestFirst = config.commands()
            .words()
            .entrySet()
            .stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, CommandType> e) -> e.getKey().length()).reversed())
            .toList();
        Lexicon lexicon = new Lexicon(config);
        this.reports = new ReportBodyParser(lexicon);
        this.prose = new ProseReports(lexicon, reports);
        this.bulletins = new BulletinReports(lexicon, reports);
        this.queries = new QueryBodyParser(config);
    }

    public ParseResult parse(String text, ParseContext context) {
        String normalized = TextNormalizer.normalize(text);
        String rest = config.commands().withoutPrefix(normalized);
        boolean prefixed = rest.length() < normalized.length();
        Optional<Map.Entry<String, CommandType>> word = commandWord(rest,
                prefixed || context.mentionsBot() || context.addressed());
        if (word.isEmpty()) {
            return context.mentionsBot() ? new ParseResult.Parsed(new Command.Help(null))
                    : new ParseResult.NotACommand();
        }
        String body = rest.substring(word.get().getKey().length()).strip();
        if (body.startsWith(":")) {
            body = body.substring(1).strip();
        }
        try {
            Command command = word.get().getValue() == CommandType.REPORT ? report(text, body, context)
                    : command(word.get().getValue(), body, context, text);
            InputLengths.check(command, limits());
            return new ParseResult.Parsed(command);
        }
        catch (Unreadable e) {
            return e.toRejected(word.get().getValue());
        }
    }

    /**
     * Reads a plain reply to the follow-up question ({@code 锦江区}, {@code 三圣街道社工站},
     * {@code 锦江 三圣街道社工站}); empty when the message is not such an answer: one with
     * figures, a date, a category or a note is not.
     */
    public Optional<Place> readPlace(String text, ParseContext context) {
        try {
            ReportDraft draft = reports.parseChanges(TextNormalizer.normalize(text), context);
            boolean onlyPlace = draft.category() == null && draft.activityDate() == null && draft.note() == null;
            if (draft.district() == null && draft.unit() == null || draft.hasFigures() || !onlyPlace
                    || !InputLengths.fits(draft.unit(), limits())) {
                return Optional.empty();
            }
            return Optional.of(new Place(draft.district(), draft.unit()));
        }
        catch (Unreadable e) {
            // a near miss of a listed station is still an answer: the conversation asks
            // about it rather than ignoring the member
            return e.refusal() instanceof Refusal.UnknownUnit r ? Optional.of(new Place(r.district(), r.fragment()))
                    : Optional.empty();
        }
    }

    /**
     * The unit units.yml lists for {@code district} that {@code unit} most likely meant,
     * when it is a near miss of one (an answer to the question for the unit is read
     * without its district, so the conversation asks).
     */
    public Optional<String> unitNearMiss(String district, String unit) {
        return reports.unitNearMiss(district, unit);
    }

    private InputLimits limits() {
        return config.grammar().limits();
    }

    /** District names close to a word that is not one, for "您是不是要找" replies. */
    public List<String> nearestDistricts(String word) {
        return config.districts().nearest(TextNormalizer.normalize(word), 3);
    }

    private Optional<Map.Entry<String, CommandType>> commandWord(String text, boolean addressed) {
        for (Map.Entry<String, CommandType> entry : wordsLongestFirst) {
            String word = entry.getKey();
            // the words are stored lower-cased; comparing in place spares a copy of every
            // message
            if (text.regionMatches(true, 0, word, 0, word.length())
                    && endsWord(text, word.length(), addressed, isAscii(word))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static boolean endsWord(String text, int end, boolean addressed, boolean asciiWord) {
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (Character.isWhitespace(next) || next == ':') {
            return true;
        }
        return addressed && !(asciiWord && Character.isLetterOrDigit(next) && next < 128);
    }

    private static boolean isAscii(String word) {
        return word.chars().allMatch(c -> c < 128);
    }

    private Command command(CommandType type, String body, ParseContext context, String text) {
        InputLengths.checkMessage(text, limits());
        return switch (type) {
            case REPORT -> report(text, body, context);
            case BIND -> bind(body, context);
            case RETRACT -> new Command.Retract(retractId(body));
            case CORRECT -> correct(body, context);
            case MINE -> new Command.Mine();
            case HELP -> new Command.Help(config.commands().lookup(config.commands().withoutPrefix(body)).orElse(null));
            case QUERY -> queries.query(body, context);
            case RANK -> queries.rank(body, context);
            case LIST -> queries.list(body, context);
            case MISSING -> queries.missing(body, context);
            case SUMMARY -> queries.summary(body, context);
            case WEEKLY, MONTHLY -> queries.report(body, context, type);
            case EXPORT -> queries.export(body, context);
            case REMIND -> RemindBodyParser.remind(body, context, config);
            case MUTE -> RemindBodyParser.mute(body, config);
            case DESK -> new Command.Desk();
        };
    }

    /**
     * Strict, then helpful (docs/commands.md §8): a body the report grammar refuses is
     * read as a bulletin of several stations when it is one (§10a), else as a pasted
     * paragraph when it is one. A paragraph without a figure is told so, with the form to
     * use, unless the strict refusal is about something the paragraph reader does not
     * judge (a district, a date); a body that is no paragraph keeps the strict refusal,
     * naming the fragment.
     */
    private Command report(String text, String body, ParseContext context) {
        int characters = text.codePointCount(0, text.length());
        if (characters > limits().message()) {
            // longer than one command: only a bulletin of several stations may be
            Optional<Command.Bulletin> bulletin = bulletins.read(body, characters, context);
            if (bulletin.isPresent()) {
                return bulletin.get();
            }
            InputLengths.checkMessage(text, limits());
        }
        try {
            return new Command.Report(reports.parse(body, context));
        }
        catch (Unreadable refusal) {
            Optional<Command.Bulletin> bulletin = bulletins.read(body, characters, context);
            if (bulletin.isPresent()) {
                return bulletin.get();
            }
            ProseReports.Reading reading = prose.read(body, context).orElseThrow(() -> refusal);
            if (reading.draft().hasFigures()) {
                return new Command.ProsePending(reading.draft(), reading.notes());
            }
            if (ABOUT_THE_FIGURES.contains(refusal.refusal().reason())) {
                throw new Unreadable(new Refusal.NoFiguresInProse());
            }
            throw refusal;
        }
    }

    private Command bind(String body, ParseContext context) {
        ReportDraft draft = reports.parseChanges(body, context);
        if (draft.district() == null || draft.unit() == null || draft.hasFigures()) {
            throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.BIND));
        }
        return new Command.Bind(draft.district(), draft.unit());
    }

    private static @Nullable Long retractId(String body) {
        if (body.isEmpty()) {
            return null;
        }
        Matcher m = RECORD_ID.matcher(body);
        if (!m.find() || m.end() != body.length()) {
            throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.RETRACT));
        }
        return Long.parseLong(m.group(1));
    }

    private Command correct(String body, ParseContext context) {
        Matcher m = RECORD_ID.matcher(body);
        if (!m.find()) {
            throw new Unreadable(new Refusal.IncompleteCommand(body, CommandType.CORRECT));
        }
        long id = Long.parseLong(m.group(1));
        return new Command.Correct(id, reports.parseChanges(body.substring(m.end()), context));
    }

}
