package cn.cdsw.tallybot.summary;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds an installed font family that can draw Chinese. Java's logical fonts only reach
 * CJK glyphs when the machine has such a font, and a chart drawn without one shows every
 * label as an empty box, so the choice is explicit and a machine without one posts its
 * summaries as text only. Debian's {@code fonts-wqy-zenhei} is the one the Dockerfile and
 * CI install.
 */
public final class CjkFont {

    /**
     * The Debian package that gives a machine a Chinese font; named in the start-up
     * warning and test skips.
     */
    public static final String PACKAGE = "fonts-wqy-zenhei";

    /**
     * Families known to carry Simplified Chinese, best first; WenQuanYi Zen Hei is the
     * one we install.
     */
    static final List<String> PREFERRED = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC");

    /** Characters every chart needs: a district name and the two figure labels. */
    static final String SAMPLE = "锦江区走访物资";

    private CjkFont() {
    }

    /** The installed family to draw with, if any; the font scan runs once per JVM. */
    public static Optional<String> installed() {
        return Installed.FAMILY;
    }

    /**
     * A preferred family that is present and draws Chinese, else the first present family
     * that {@code drawsChinese} accepts. The test is passed in so that the choice can be
     * checked without depending on the fonts of the machine.
     */
    static Optional<String> choose(List<String> present, Predicate<String> drawsChinese) {
        Optional<String> preferred = PREFERRED.stream().filter(present::contains).filter(drawsChinese).findFirst();
        if (preferred.isPresent()) {
            return preferred;
        }
        return present.stream().filter(drawsChinese).findFirst();
    }

    static boolean drawsChinese(String family) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
    }

    private static Optional<String> lookUp() {
        // English names, so the preferred list matches whatever the JVM's default locale
        // is.
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH);
        return choose(Arrays.asList(names), CjkFont::drawsChinese);
    }

    /**
     * Holder idiom: the font scan is slow and its answer cannot change while the JVM
     * runs.
     */
    private static final class Installed {

        static final Optional<String> FAMILY = lookUp();

    }

}
