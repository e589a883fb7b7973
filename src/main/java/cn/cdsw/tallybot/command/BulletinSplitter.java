package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.BulletinVocabulary;

/**
 * Cuts a pasted bulletin into the text of each station (docs/commands.md §10a), line by
 * line: a category heading (a short line naming one category of categories.yml) starts a
 * part of the bulletin; a district line sets the district of the units below it; a unit
 * line, alone or with its district ({@code 锦江区三圣街道社工站：}), starts a station, and the text
 * after its colon is the station's first paragraph; every other line belongs to the
 * station above it. Picture file names, picture placeholders and captions and the
 * editor's lines are no one's text. Paragraphs under no unit line (the bulletin's title
 * and introduction, which often give city-wide totals) are set apart, never given to a
 * station: a figure must not be filed under a unit that did not write it.
 */
final class BulletinSplitter {

    /** A heading is a short line: 一、重点人群关爱服务. */
    static final int HEADING_LENGTH = 16;

    /** The district written before a unit name on its line. */
    private static final int DISTRICT_ROOM = 8;

    /** How many words of a line without a colon may name its station. */
    private static final int PLACE_WORDS = 2;

    private static final Pattern LIST_MARK = Pattern
        .compile("^(?:[一二三四五六七八九十]{1,3}[、.]|\\([一二三四五六七八九十]{1,3}\\)|[0-9]{1,2}[、)](?![0-9])"
                + "|[0-9]{1,2}\\.(?![0-9])|\\([0-9]{1,2}\\)|[\u2460-\u2473]"
                + "|第[一二三四五六七八九十0-9]{1,3}(?:部分|篇|章|节)[、.:]?)\\s*");

    private static final Pattern BRACKETS = Pattern.compile("[【】\\[\\]〔〕]");

    private static final String DECORATIONS = "■□●○◆◇★☆▲△▶►◎*#>~=—-·•";

    private static final Pattern SENTENCE_MARKS = Pattern.compile("[,;。!?、]");

    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    /** One station's part of the bulletin, as cut. */
    record Section(@Nullable String category, @Nullable String district, @Nullable String unit,
            @Nullable LocalDate date, List<String> lines, List<String> paragraphs) {

        Section {
            lines = List.copyOf(lines);
            paragraphs = List.copyOf(paragraphs);
        }

    }

    /**
     * The stations' parts in order, the paragraphs under no unit line, and the day a date
     * line before the first station names.
     */
    record Split(List<Section> sections, List<String> unplaced, @Nullable LocalDate date) {

        Split {
            sections = List.copyOf(sections);
            unplaced = List.copyOf(unplaced);
        }

    }

    /** What a line names: its place words, and the text after them. */
    private record PlaceLine(ReportDraft place, String rest) {
    }

    private final BotConfig config;

    private final BulletinVocabulary words;

    private final ReportBodyParser strict;

    /**
     * Unit names a paragraph may start with: one of the unit endings that says social
     * work (社工站, 社工室, 社会工作服务中心), after two to sixteen letters.
     */
    private final Pattern leadingStation;

    BulletinSplitter(BotConfig config, ReportBodyParser strict) {
        this.config = config;
        this.words = config.prose().bulletin();
        this.strict = strict;
        String endings = config.grammar()
            .unitSuffixes()
            .stream()
            .filter(s -> s.contains("社工") || s.contains("社会工作"))
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
        this.leadingStation = Pattern.compile("^(\\p{IsHan}{2,16}?(?:" + endings + "))");
    }

    /** Cuts a normalised bulletin. Never throws on any text. */
    Split split(String text, ParseContext context) {
        BulletinCutting cutting = new BulletinCutting();
        for (String line : text.split("\n")) {
            accept(line.strip(), cutting, context);
        }
        cutting.close();
        return new Split(cutting.sections, cutting.unplaced, cutting.date);
    }

    private void accept(String line, BulletinCutting cutting, ParseContext context) {
        String bare = bare(line);
        if (bare.isEmpty() || picture(bare) || skipped(bare)) {
            return;
        }
        Optional<PlaceLine> placeLine = placeLine(bare, context);
        if (placeLine.isPresent() && placeLine.get().place().unit() != null) {
            ReportDraft place = placeLine.get().place();
            cutting.open(place.district(), place.unit(), place.activityDate(), line);
            // after a unit, the rest of its line is the station's own text
            if (!placeLine.get().rest().isBlank()) {
                cutting.text(placeLine.get().rest());
            }
            return;
        }
        Optional<String> category = placeLine.map(p -> p.place().category()).or(() -> heading(bare));
        if (category.isPresent()) {
            cutting.heading(category.get());
            paragraph(placeLine.map(PlaceLine::rest).orElse(""), cutting, context);
            return;
        }
        if (placeLine.isPresent() && placeLine.get().place().district() != null) {
            cutting.district(placeLine.get().place().district(), line);
            paragraph(placeLine.get().rest(), cutting, context);
            return;
        }
        if (placeLine.isPresent() && placeLine.get().place().activityDate() != null) {
            cutting.date(placeLine.get().place().activityDate());
            paragraph(placeLine.get().rest(), cutting, context);
            return;
        }
        Optional<String> leading = leadingStation(bare);
        if (leading.isPresent() && general(leading.get())) {
            // 全区各社工站共…: the district's or the city's figures, no station's own
            cutting.close();
        }
        else if (leading.isPresent() && cutting.mayOpenByParagraph(leading.get())) {
            cutting.openByParagraph(leading.get());
        }
        cutting.paragraph(line);
    }

    private boolean general(String unit) {
        return words.generalWords().stream().anyMatch(unit::startsWith);
    }

    /**
     * The unit a paragraph starts with (三圣街道社工站联合辖区…), when it names one plainly: a name
     * of letters ending in a social-work unit ending, read as a unit on its own.
     */
    private Optional<String> leadingStation(String bare) {
        Matcher m = leadingStation.matcher(bare);
        if (!m.find() || m.end() == bare.length()) {
            return Optional.empty();
        }
        String unit = m.group(1);
        boolean own = words.ownWords().stream().anyMatch(unit::startsWith);
        return own || config.districts().resolve(unit).isPresent() ? Optional.empty() : Optional.of(unit);
    }

    /** The text after a place on its line, itself read as a line when there is one. */
    private void paragraph(String rest, BulletinCutting cutting, ParseContext context) {
        if (!rest.isBlank()) {
            accept(rest, cutting, context);
        }
    }

    /**
     * The line without its list mark (一、 (二) 3. ①), brackets and decorations, for telling
     * what kind of line it is; a paragraph keeps its line as written.
     */
    static String bare(String line) {
        String bare = BRACKETS.matcher(line).replaceAll(" ").strip();
        bare = trimDecorations(bare);
        bare = LIST_MARK.matcher(bare).replaceFirst("");
        return trimDecorations(bare).replaceAll(" {2,}", " ");
    }

    private static String trimDecorations(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (DECORATIONS.indexOf(text.charAt(start)) >= 0 || text.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (DECORATIONS.indexOf(text.charAt(end - 1)) >= 0 || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** A picture file name or several, a picture placeholder, or a caption. */
    private boolean picture(String bare) {
        String unbracketed = bare.replaceAll("[()]", " ").strip();
        if (words.captionWords().stream().anyMatch(unbracketed::startsWith)) {
            return true;
        }
        for (String word : unbracketed.split(" ")) {
            if (!pictureWord(word)) {
                return false;
            }
        }
        return true;
    }

    private boolean pictureWord(String word) {
        if (words.pictureWords().contains(word)) {
            return true;
        }
        int dot = word.lastIndexOf('.');
        return dot > 0 && words.pictureExtensions().contains(word.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The editor's lines: 编辑：张三, (供稿：三圣街道社工站). */
    private boolean skipped(String bare) {
        String unbracketed = bare.replaceAll("^\\(|\\)$", "").strip();
        int colon = unbracketed.indexOf(':');
        return colon > 0 && words.skippedFields().contains(unbracketed.substring(0, colon).strip());
    }

    /** A short line without figures naming exactly one category: 一、重点人群关爱服务. */
    private Optional<String> heading(String bare) {
        String line = bare.endsWith(":") ? bare.substring(0, bare.length() - 1) : bare;
        if (line.codePointCount(0, line.length()) > HEADING_LENGTH || DIGIT.matcher(line).find()
                || SENTENCE_MARKS.matcher(line).find() || line.indexOf(':') >= 0) {
            return Optional.empty();
        }
        List<String> named = config.categories().stream().filter(line::contains).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * The place a line starts with — before its colon, or in its first words — and the
     * text after it.
     */
    private Optional<PlaceLine> placeLine(String bare, ParseContext context) {
        Optional<ReportDraft> whole = place(bare, context);
        if (whole.isPresent()) {
            // a form field is a place line too: 日期:11月27日, 单位:三圣街道社工站
            return whole.map(p -> new PlaceLine(p, ""));
        }
        int colon = bare.indexOf(':');
        if (colon >= 0) {
            return place(bare.substring(0, colon).strip(), context)
                .map(p -> new PlaceLine(p, bare.substring(colon + 1).strip()));
        }
        String[] lineWords = bare.split(" ");
        for (int n = Math.min(PLACE_WORDS, lineWords.length - 1); n >= 1; n--) {
            String head = String.join(" ", List.of(lineWords).subList(0, n));
            String rest = String.join(" ", List.of(lineWords).subList(n, lineWords.length));
            Optional<ReportDraft> place = place(head, context).filter(p -> p.unit() != null || p.district() != null);
            if (place.isPresent()) {
                return Optional.of(new PlaceLine(place.get(), rest));
            }
        }
        return Optional.empty();
    }

    /** District, unit, day or category, and nothing else. */
    private Optional<ReportDraft> place(String head, ParseContext context) {
        int limit = config.grammar().limits().unit() + DISTRICT_ROOM;
        if (head.isEmpty() || head.codePointCount(0, head.length()) > limit || SENTENCE_MARKS.matcher(head).find()) {
            return Optional.empty();
        }
        try {
            ReportDraft draft = strict.parseChanges(head, context);
            boolean named = draft.district() != null || draft.unit() != null || draft.activityDate() != null
                    || draft.category() != null;
            return named && !draft.hasFigures() && draft.note() == null ? Optional.of(draft) : Optional.empty();
        }
        catch (Unreadable e) {
            // a unit one edit away from a listed one still starts its station, which the
            // read-back then asks about: its text must not run into the station above
            return e.refusal() instanceof Refusal.UnknownUnit r ? Optional
                .of(new ReportDraft(r.district(), r.fragment(), null, null, List.of(), List.of(), null, null, null))
                    : Optional.empty();
        }
    }

}
