package cn.cdsw.tallybot.summary;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an installed font family that can draw Chinese. Java's logical fonts only reach CJK glyphs when the
 * machine has such a font, and a chart drawn without one shows every label as boxes, so the choice is explicit
 * and a missing font is reported once. Debian's {@code fonts-wqy-zenhei} is the one the Dockerfile and CI install.
 */
final class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    /** Families known to carry Simplified Chinese, best first; WenQuanYi Zen Hei is the one we install. */
    static final List<String> PREFERRED = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC");

    /** Characters every chart needs: a district name and the two figure labels. */
    static final String SAMPLE = "锦江区走访物资";

    private CjkFont() {
    }

    /** The family to draw with; the lookup runs once per JVM so the warning is logged once. */
    static String family() {
        return Installed.FAMILY;
    }

    /** A preferred family if installed, else the first installed family that draws {@link #SAMPLE}. */
    static Optional<String> choose(List<String> installed) {
        Optional<String> preferred = PREFERRED.stream().filter(installed::contains).findFirst();
        if (preferred.isPresent()) {
            return preferred;
        }
        return installed.stream().filter(CjkFont::drawsChinese).findFirst();
    }

    static boolean drawsChinese(String family) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
    }

    private static String lookUp() {
        // English names, so the preferred list matches whatever the JVM's default locale is.
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ENGLISH);
        return choose(Arrays.asList(names)).orElseGet(() -> {
            log.warn("no CJK font installed: install fonts-wqy-zenhei; chart labels will show boxes");
            return Font.SANS_SERIF;
        });
    }

    /** Holder idiom: the font scan is slow and its answer cannot change while the JVM runs. */
    private static final class Installed {
        static final String FAMILY = lookUp();
    }
}
