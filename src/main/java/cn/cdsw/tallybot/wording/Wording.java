package cn.cdsw.tallybot.wording;

import cn.cdsw.tallybot.config.BotConfig;

/**
 * Everything the bot says, by feature: one object per feature's messages, all drawn from
 * one catalogue and printing figures in one style. Built once at start-up from
 * bot-config; immutable and shared.
 */
public final class Wording {

    /**
     * The language of the shipped catalogue, {@code src/main/resources/wording/zh.yml}.
     */
    static final String CHINESE = "zh";

    private final Catalogue catalogue;

    private final FigureStyle figures;

    private final RecordReplies records;

    private final ProseReplies prose;

    private final BulletinReplies bulletins;

    private final QueryReplies queries;

    private final SummaryTexts summary;

    private final ChartLabels chart;

    private final HelpReplies help;

    private final Refusals refusals;

    private final CommandRefusals commandRefusals;

    private final PrivateChatReplies privateChat;

    private final ReminderTexts reminders;

    private final DeskReplies desk;

    private final LedgerWording ledger;

    private Wording(Catalogue catalogue, BotConfig config) {
        this.catalogue = catalogue;
        this.figures = new FigureStyle(catalogue, config);
        this.records = new RecordReplies(catalogue, figures);
        this.prose = new ProseReplies(catalogue, figures, records);
        this.bulletins = new BulletinReplies(catalogue, figures, records, prose);
        this.queries = new QueryReplies(catalogue, config.metrics(), figures, records);
        this.summary = new SummaryTexts(catalogue, config, figures, queries);
        this.chart = new ChartLabels(catalogue, config, figures);
        this.help = new HelpReplies(catalogue, config, figures);
        this.refusals = new Refusals(catalogue, config, figures);
        this.commandRefusals = new CommandRefusals(catalogue, config, figures);
        this.privateChat = new PrivateChatReplies(catalogue, config);
        this.reminders = new ReminderTexts(catalogue, figures);
        this.desk = new DeskReplies(catalogue);
        this.ledger = new LedgerWording(catalogue, config, figures, queries);
    }

    /**
     * The Chinese wording with the words of {@code config}.
     * @throws IllegalStateException when the catalogue lacks a message or fills one
     * differently from its code
     */
    public static Wording chinese(BotConfig config) {
        return new Wording(Catalogue.load(CHINESE, Terms.of(config)), config);
    }

    public FigureStyle figures() {
        return figures;
    }

    public RecordReplies records() {
        return records;
    }

    public ProseReplies prose() {
        return prose;
    }

    /** A bulletin of several stations: the numbered read-back and its answers. */
    public BulletinReplies bulletins() {
        return bulletins;
    }

    public QueryReplies queries() {
        return queries;
    }

    public SummaryTexts summary() {
        return summary;
    }

    public ChartLabels chart() {
        return chart;
    }

    /** The reminders (催报) and the answers to #催报 and #免打扰. */
    public ReminderTexts reminders() {
        return reminders;
    }

    public HelpReplies help() {
        return help;
    }

    /** What the grammar could not read. */
    public Refusals refusals() {
        return refusals;
    }

    /**
     * Commands read well but refused: a coordinator's command, too many commands, a
     * summary not to post.
     */
    public CommandRefusals commandRefusals() {
        return commandRefusals;
    }

    /** What only a private chat with the bot says. */
    public PrivateChatReplies privateChat() {
        return privateChat;
    }

    /** #后台 and its link to the web desk. */
    public DeskReplies desk() {
        return desk;
    }

    /** The Excel ledger's sheet names and headers, and the replies of #导出. */
    public LedgerWording ledger() {
        return ledger;
    }

    /**
     * The catalogue, for the tests that check it has no dead entries and that its
     * examples parse.
     */
    Catalogue catalogue() {
        return catalogue;
    }

}
