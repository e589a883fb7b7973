package cn.cdsw.tallybot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository explains itself: no file cites a document that a clone does not contain
 * (planning documents, issue numbers, folders beside the repository), and every
 * {@code docs/<page>.md §N} it cites names a page and a section that exist. A reason
 * belongs in the comment itself or in {@code docs/} (docs/style.md §22).
 *
 * <p>
 * The patterns are spelled with escapes here ({@code \u00a7} for the section sign), so
 * that this file does not match them itself; it is skipped anyway.
 */
class RepositoryReferencesTests {

    /**
     * What the repository holds besides build output: the folders and files a clone is
     * made of.
     */
    static final List<String> SCANNED = List.of("src", "bot-config", "bench", "docs", "scripts", ".ci", "pom.xml",
            "README.md", "Dockerfile");

    static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git");

    static final Path SELF = Path.of("src", "test", "java", "cn", "cdsw", "tallybot", "RepositoryReferencesTests.java");

    private static final String SECTION = "\u00a7";

    /**
     * Citations of documents a clone does not contain, each with the reason it is
     * refused.
     */
    static final Map<Pattern, String> OUTSIDE_CITATIONS = Map.of(Pattern.compile("[Ii]ssue\\s+\\d+"), "an issue number",
            Pattern.compile("(?i)design\\s*" + SECTION), "a section of a design document",
            Pattern.compile("(?i)style\\s+rules?\\s+\\d+"), "a numbered rule of a style guide outside docs/",
            Pattern.compile("\\.\\./shared|shared/(docs|samples)/"), "a folder beside the repository");

    /**
     * A page name without {@code docs/} in front: outside docs/ it means a document
     * beside the repository; inside docs/ it is a page of docs/ and must exist.
     */
    static final Pattern BARE_PAGE = Pattern.compile("(?<![\\w/.-])(design|style|platforms)\\.md");

    /**
     * {@code docs/storage.md}, {@code docs/storage.md §7},
     * {@code docs/storage.md §7, §8}.
     */
    static final Pattern DOCS_REFERENCE = Pattern
        .compile("docs/([\\w-]+)\\.md((?:,?\\s*" + SECTION + "\\d+(?:\\.\\d+)?)*)");

    /** Inside docs/: {@code [storage.md](storage.md) §7}. */
    static final Pattern DOCS_LINK = Pattern
        .compile("\\]\\(([\\w-]+)\\.md(?:#[\\w-]*)?\\)((?:,?\\s*" + SECTION + "\\d+(?:\\.\\d+)?)*)");

    static final Pattern SECTION_NUMBER = Pattern.compile(SECTION + "(\\d+)");

    static final Pattern HEADING_NUMBER = Pattern.compile("^#{2,6}\\s+(\\d+)\\.");

    private final Map<String, Optional<Set<Integer>>> sectionsByPage = new HashMap<>();

    @Test
    void nothingCitesADocumentTheRepositoryDoesNotContain() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = lines(file).orElse(List.of());
            for (int i = 0; i < lines.size(); i++) {
                for (String problem : problems(file, lines.get(i))) {
                    problems.add(file + ":" + (i + 1) + ": " + problem + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(problems)
            .as("State the reason in place, or cite docs/<page>.md " + SECTION + "N of a page and section that"
                    + " exist (docs/README.md lists the pages)")
            .isEmpty();
    }

    @Test
    void recognisesWhatItRefuses() {
        Path java = Path.of("src", "main", "java", "Example.java");
        assertThat(problems(java, " * The claim of design " + SECTION + "4.")).hasSize(1);
        assertThat(problems(java, " * (style" + " rules 17, 35)")).hasSize(1);
        assertThat(problems(java, "-- Rollups (Is" + "sue 6)")).hasSize(1);
        assertThat(problems(java, "// platforms" + ".md " + SECTION + "1.7, verbatim")).hasSize(1);
        assertThat(problems(java, "# see ../" + "shared/" + "docs/x")).hasSize(1);
        assertThat(problems(java, " * see docs/no-such-page.md")).hasSize(1);
        assertThat(problems(java, " * see docs/storage.md " + SECTION + "99")).hasSize(1);
        assertThat(problems(java, " * see docs/storage.md " + SECTION + "7, " + SECTION + "99")).hasSize(1);
        assertThat(problems(Path.of("docs", "x.md"), "[storage.md](storage.md) " + SECTION + "99")).hasSize(1);
        assertThat(problems(Path.of("docs", "x.md"), "as design.md says")).hasSize(1);
        assertThat(problems(Path.of("docs", "x.md"), "see [platforms" + ".md](platforms" + ".md) " + SECTION + "4"))
            .isEmpty();

        assertThat(problems(java, " * see docs/storage.md " + SECTION + "7, " + SECTION + "8 and docs/platforms.md"))
            .isEmpty();
        assertThat(problems(java, " * a redelivered event gets the first answer")).isEmpty();
        assertThat(problems(Path.of("src", "main", "resources", "db", "migration", "sqlite", "V5__x.sql"),
                "-- Rollups (Is" + "sue 6)"))
            .hasSize(1);
    }

    /**
     * What is wrong with one line of {@code file}: outside citations, and docs/
     * references that lead nowhere.
     */
    List<String> problems(Path file, String line) {
        List<String> problems = new ArrayList<>();
        OUTSIDE_CITATIONS.forEach((pattern, what) -> {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                problems.add("cites " + what + " ('" + m.group() + "')");
            }
        });
        Matcher bare = BARE_PAGE.matcher(line);
        while (bare.find()) {
            if (!file.startsWith("docs") || sectionsOf(bare.group(1)).isEmpty()) {
                problems.add("cites " + bare.group() + ", which is not a page of docs/ ('docs/" + bare.group()
                        + "' if it is one)");
            }
        }
        checkDocsReferences(DOCS_REFERENCE.matcher(line), problems);
        if (file.startsWith("docs")) {
            checkDocsReferences(DOCS_LINK.matcher(line), problems);
        }
        return problems;
    }

    private void checkDocsReferences(Matcher m, List<String> problems) {
        while (m.find()) {
            String page = m.group(1);
            Optional<Set<Integer>> sections = sectionsOf(page);
            if (sections.isEmpty()) {
                problems.add("docs/" + page + ".md does not exist");
                continue;
            }
            Matcher number = SECTION_NUMBER.matcher(m.group(2));
            while (number.find()) {
                if (!sections.get().contains(Integer.parseInt(number.group(1)))) {
                    problems.add("docs/" + page + ".md has no section " + number.group(1));
                }
            }
        }
    }

    /**
     * The numbers of a page's numbered headings ({@code ## 3. …}), or empty when the page
     * does not exist.
     */
    private Optional<Set<Integer>> sectionsOf(String page) {
        return sectionsByPage.computeIfAbsent(page, p -> lines(Path.of("docs", p + ".md")).map(lines -> {
            Set<Integer> numbers = new TreeSet<>();
            for (String line : lines) {
                Matcher heading = HEADING_NUMBER.matcher(line);
                if (heading.find()) {
                    numbers.add(Integer.parseInt(heading.group(1)));
                }
            }
            return numbers;
        }));
    }

    /**
     * Every file under the scanned roots, relative to the repository root, without build
     * output or this file.
     */
    static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : SCANNED) {
            Path start = Path.of(root);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile)
                    .filter(p -> !p.equals(SELF))
                    .filter(p -> SKIPPED_FOLDERS.stream().noneMatch(skipped -> contains(p, skipped)))
                    .sorted()
                    .forEach(files::add);
            }
        }
        assertThat(files).as("run from the repository root").contains(Path.of("pom.xml"));
        return files;
    }

    private static boolean contains(Path path, String folder) {
        for (Path part : path) {
            if (part.toString().equals(folder)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file's lines when it is UTF-8 text; empty for a binary file or one that does
     * not exist.
     */
    static Optional<List<String>> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            return Optional.of(text.lines().toList());
        }
        catch (CharacterCodingException binary) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
