package cn.cdsw.tallybot.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.config.MetricDefinition;
import cn.cdsw.tallybot.config.ReportField;

/**
 * The report grammar (docs/commands.md §3): pieces → clauses → {@link ReportDraft}. Each
 * piece is a keyed field ({@code 区县:锦江区}, {@code 走访:196户}), a whole word (a district,
 * category, date or unit name), or words and quantities ({@code 走访196户15人次},
 * {@code 大米224袋}, {@code 物资合计2.5万件}). Strict: the first piece that cannot be read ends
 * the parse with a reply naming it.
 */
final class ReportBodyParser {

    private final BotConfig config;

    private final QuantityScanner scanner;

    private final PieceSplitter splitter;

    private final List<DistrictPrefix> districtPrefixes;

    private final UnitNames units;

    /**
     * How long the "for whom" between a metric word and its number may be: 困难群众, 空巢独居老人.
     */
    private static final int MAX_QUALIFIER = 8;

    /**
     * A district name or alias that may start a word, longest first so 锦江区 wins over 锦江.
     */
    private record DistrictPrefix(String word, District district, boolean fullName) {
    }

    ReportBodyParser(Lexicon lexicon) {
        this.config = lexicon.config();
        this.units = new UnitNames(config.unitDirectory());
        this.districtPrefixes = config.districts()
            .all()
            .stream()
            .flatMap(d -> Stream.concat(Stream.of(new DistrictPrefix(d.name(), d, true)),
                    d.aliases().stream().map(a -> new DistrictPrefix(a, d, false))))
            .sorted(Comparator.comparingInt((DistrictPrefix p) -> p.word().length()).reversed())
            .toList();
        this.scanner = new QuantityScanner(lexicon);
        this.splitter = new PieceSplitter(lexicon,
                config.grammar()
                    .fieldWords()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getValue() == ReportField.NOTE)
                    .map(e -> e.getKey())
                    .toList());
    }

    /**
     * The listed unit of {@code district} a unit name not listed there most likely meant.
     */
    Optional<String> unitNearMiss(String district, String unit) {
        return units.nearMiss(district, unit);
    }

    /**
     * Reads a body; throws {@link Unreadable} with the reply when any clause cannot be
     * read.
     */
    ReportDraft parse(String body, ParseContext context) {
        return read(body, context, false);
    }

    /**
     * Reads the clauses of a correction: any field may be given alone, and the date is
     * not defaulted.
     */
    ReportDraft parseChanges(String body, ParseContext context) {
        return read(body, context, true);
    }

    private ReportDraft read(String body, ParseContext context, boolean correction) {
        // a listed station written with spaces or other brackets stays one piece
        UnitNames.Protected text = units.protect(body);
        PieceSplitter.Pieces pieces = splitter.split(text.text());
        DraftBuilder draft = new DraftBuilder(config, context, units);
        draft.note(text.restoreNullable(pieces.note()));
        for (String piece : pieces.pieces()) {
            readPiece(text.restore(piece), draft);
        }
        return draft.build(correction);
    }

    private void readPiece(String piece, DraftBuilder draft) {
        int colon = piece.indexOf(':');
        if (colon > 0) {
            readKeyed(piece, piece.substring(0, colon).strip(), piece.substring(colon + 1).strip(), draft);
            return;
        }
        if (readWholeWord(piece, draft)) {
            return;
        }
        List<Clause> clauses = clauses(scanner.scan(piece));
        if (clauses.size() == 1 && clauses.get(0).quantities().isEmpty()) {
            readLoneWord(piece, draft);
            return;
        }
        for (Clause clause : clauses) {
            readClause(clause, piece, draft);
        }
        draft.afterClause();
    }

    private void readKeyed(String piece, String key, String value, DraftBuilder draft) {
        Optional<MetricDefinition> metric = config.metrics().byWord(key);
        if (metric.isPresent()) {
            for (Token.Quantity q : quantitiesOnly(value, piece)) {
                draft.metric(metric.get(), q);
            }
            return;
        }
        ReportField field = config.grammar()
            .field(key)
            .orElseThrow(() -> new Unreadable(new Refusal.UnknownField(piece, key)));
        if (value.isEmpty()) {
            draft.context(field == ReportField.MATERIALS ? DraftBuilder.Context.MATERIALS : DraftBuilder.Context.NONE);
            return;
        }
        switch (field) {
            case DISTRICT -> draft.district(district(value));
            case UNIT -> draft.unit(value, piece);
            case CATEGORY -> draft.category(value);
            case DATE -> draft.date(value);
            case NOTE -> draft.note(value);
            case MATERIALS -> readMaterials(value, piece, draft);
            case MATERIALS_TOTAL -> draft.materialsTotal(single(value, piece));
            case VALUE -> draft.value(single(value, piece));
            default -> throw new IllegalStateException("unhandled field " + field);
        }
    }

    private void readMaterials(String value, String piece, DraftBuilder draft) {
        List<Clause> clauses = clauses(scanner.scan(value));
        if (clauses.size() == 1 && clauses.get(0).word() == null && clauses.get(0).quantities().size() == 1) {
            draft.materialsTotal(clauses.get(0).quantities().get(0));
            return;
        }
        draft.context(DraftBuilder.Context.MATERIALS);
        for (Clause clause : clauses) {
            readClause(clause, piece, draft);
        }
    }

    private boolean readWholeWord(String piece, DraftBuilder draft) {
        Optional<District> district = config.districts().resolve(piece);
        if (district.isPresent()) {
            draft.district(district.get());
            return true;
        }
        if (config.categories().contains(piece)) {
            draft.category(piece);
            return true;
        }
        if (draft.isDate(piece)) {
            draft.date(piece);
            return true;
        }
        return false;
    }

    private void readLoneWord(String word, DraftBuilder draft) {
        if (!draft.hasDistrict() && readDistrictAndUnit(word, draft)) {
            return;
        }
        if (draft.acceptsUnitName(word)) {
            draft.unit(word, word);
            return;
        }
        if (looksLikeDistrict(word)) {
            throw new Unreadable(new Refusal.UnknownDistrict(word, config.districts().nearest(word, 3)));
        }
        throw new Unreadable(new Refusal.NotUnderstood(word));
    }

    /**
     * 锦江区三圣街道社工站, typed without a space: the district's name and the unit. Split only
     * when the rest is a unit of that district's directory, or follows a full district
     * name and reads as a unit name; a directory unit that itself starts with its
     * district's name (新津区社工总站) is kept whole.
     */
    private boolean readDistrictAndUnit(String word, DraftBuilder draft) {
        for (DistrictPrefix prefix : districtPrefixes) {
            if (!word.startsWith(prefix.word()) || word.length() == prefix.word().length()) {
                continue;
            }
            List<String> known = config.unitDirectory().unitsOf(prefix.district().name());
            String rest = word.substring(prefix.word().length());
            if (known.contains(word) || known.contains(rest)
                    || prefix.fullName() && config.grammar().looksLikeUnitName(rest)) {
                draft.district(prefix.district());
                draft.unit(known.contains(word) ? word : rest, word);
                return true;
            }
        }
        return false;
    }

    private boolean looksLikeDistrict(String word) {
        boolean shortPlaceName = word.length() <= 6 && (word.endsWith("区") || word.endsWith("县") || word.endsWith("市"));
        return shortPlaceName || word.length() <= 4 && !config.districts().nearest(word, 1).isEmpty();
    }

    private void readClause(Clause clause, String piece, DraftBuilder draft) {
        String word = clause.word();
        if (clause.quantities().isEmpty()) {
            throw new Unreadable(new Refusal.NotUnderstood(piece));
        }
        if (word == null) {
            draft.continuation(clause.quantities(), piece);
            return;
        }
        Optional<MetricDefinition> metric = config.metrics().byWord(word);
        if (metric.isPresent()) {
            clause.quantities().forEach(q -> draft.metric(metric.get(), q));
            return;
        }
        Optional<ReportField> field = config.grammar().field(word);
        if (field.isPresent() && clause.quantities().size() == 1) {
            switch (field.get()) {
                case MATERIALS, MATERIALS_TOTAL -> draft.materialsTotal(clause.quantities().get(0));
                case VALUE -> draft.value(clause.quantities().get(0));
                default -> throw new Unreadable(new Refusal.NotUnderstood(piece));
            }
            return;
        }
        if (clause.quantities().size() == 1 && draft.acceptsItem(word)) {
            draft.item(word, clause.quantities().get(0));
            return;
        }
        String object = config.grammar().withoutItemVerb(word);
        if (!object.equals(word)) {
            readClause(new Clause(object, clause.quantities()), piece, draft);
            return;
        }
        Optional<MetricDefinition> qualified = qualifiedMetric(word, clause.quantities());
        if (qualified.isPresent()) {
            clause.quantities().forEach(q -> draft.metric(qualified.get(), q));
            return;
        }
        Optional<String> meant = mistypedMetric(word, clause.quantities());
        if (meant.isPresent()) {
            throw new Unreadable(new Refusal.UnknownMetric(piece, meant.get() + raw(clause.quantities())));
        }
        String unit = clause.quantities().get(0).unit();
        throw new Unreadable(unit != null && config.materials().units().contains(unit)
                ? new Refusal.ItemOutsideMaterials(piece) : new Refusal.NotUnderstood(piece));
    }

    /**
     * The metric word a mistyped one meant (走方10户 → 走访), when the guess is unambiguous
     * and every figure written is in a unit that metric takes, so that the suggestion is
     * a clause the grammar reads as written.
     */
    private Optional<String> mistypedMetric(String word, List<Token.Quantity> quantities) {
        return config.metrics().nearestWord(word).filter(meant -> {
            MetricDefinition m = config.metrics().byWord(meant).orElseThrow();
            return quantities.stream()
                .allMatch(q -> q.unit() == null ? m.soleUnit().isPresent() : m.canonicalUnit(q.unit()).isPresent());
        });
    }

    private static String raw(List<Token.Quantity> quantities) {
        StringBuilder text = new StringBuilder();
        quantities.forEach(q -> text.append(q.raw()));
        return text.toString();
    }

    /**
     * A metric word with who or what it was for: 走访困难群众20户, 电话问候独居老人30人次, 宣传海报80张. Taken
     * only when the word starts or ends with the metric's word, the rest is a short
     * phrase without digits, and every unit written is one the metric takes, so the
     * figure cannot land in the wrong metric or unit.
     */
    private Optional<MetricDefinition> qualifiedMetric(String word, List<Token.Quantity> quantities) {
        MetricDefinition best = null;
        int longest = 0;
        for (String synonym : config.metrics().words()) {
            boolean affix = word.startsWith(synonym) || word.endsWith(synonym);
            int rest = word.length() - synonym.length();
            if (affix && synonym.length() > longest && rest > 0 && rest <= MAX_QUALIFIER
                    && word.chars().noneMatch(Character::isDigit)) {
                MetricDefinition m = config.metrics().byWord(synonym).orElseThrow();
                if (quantities.stream().allMatch(q -> q.unit() != null && m.canonicalUnit(q.unit()).isPresent())) {
                    best = m;
                    longest = synonym.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private District district(String value) {
        return config.districts()
            .resolve(value)
            .orElseThrow(
                    () -> new Unreadable(new Refusal.UnknownDistrict(value, config.districts().nearest(value, 3))));
    }

    private List<Token.Quantity> quantitiesOnly(String value, String piece) {
        List<Token.Quantity> quantities = new ArrayList<>();
        for (Token token : scanner.scan(value)) {
            if (!(token instanceof Token.Quantity q)) {
                throw new Unreadable(new Refusal.NotUnderstood(piece));
            }
            quantities.add(q);
        }
        if (quantities.isEmpty()) {
            throw new Unreadable(new Refusal.NotUnderstood(piece));
        }
        return quantities;
    }

    private Token.Quantity single(String value, String piece) {
        List<Token.Quantity> quantities = quantitiesOnly(value, piece);
        if (quantities.size() != 1) {
            throw new Unreadable(new Refusal.NotUnderstood(piece));
        }
        return quantities.get(0);
    }

    /**
     * A word and the quantities written right after it; the word is null for leading
     * quantities.
     */
    record Clause(@Nullable String word, List<Token.Quantity> quantities) {
    }

    private static List<Clause> clauses(List<Token> tokens) {
        List<Clause> clauses = new ArrayList<>();
        @Nullable String word = null;
        List<Token.Quantity> quantities = new ArrayList<>();
        for (Token token : tokens) {
            if (token instanceof Token.Word w) {
                if (word != null || !quantities.isEmpty()) {
                    clauses.add(new Clause(word, quantities));
                }
                word = w.raw();
                quantities = new ArrayList<>();
            }
            else {
                quantities.add((Token.Quantity) token);
            }
        }
        if (word != null || !quantities.isEmpty()) {
            clauses.add(new Clause(word, quantities));
        }
        return clauses;
    }

}
