package cn.cdsw.tallybot.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bulletin being cut by {@link BulletinSplitter}: the station open, the stations cut so
 * far, the paragraphs under no unit, and what the lines above set (the category, the
 * district, whether the bulletin has shown its structure yet).
 */
final class BulletinCutting {

    final List<BulletinSplitter.Section> sections = new ArrayList<>();

    final List<String> unplaced = new ArrayList<>();

    @Nullable LocalDate date;

    @Nullable String category;

    @Nullable String district;

    @Nullable String districtLine;

    @Nullable Open open;

    boolean structured;

    private static final class Open {

        final @Nullable String district;

        final @Nullable String unit;

        boolean byParagraph;

        @Nullable LocalDate date;

        final List<String> lines = new ArrayList<>();

        final List<String> paragraphs = new ArrayList<>();

        Open(@Nullable String district, @Nullable String unit, @Nullable LocalDate date) {
            this.district = district;
            this.unit = unit;
            this.date = date;
        }

    }

    void open(@Nullable String lineDistrict, String unit, @Nullable LocalDate day, String line) {
        close();
        open = new Open(lineDistrict != null ? lineDistrict : district, unit, day);
        open.lines.add(line);
        districtLine = null;
        structured = true;
    }

    /**
     * A paragraph that starts with a unit name opens that unit's station only where the
     * bulletin has shown its structure (a heading or a district line above) and no unit
     * line opened the station it would fall in: the title and the introduction are never
     * a station, and a station's paragraph that names another unit stays its own.
     */
    boolean mayOpenByParagraph(String unit) {
        if (open == null) {
            return structured;
        }
        return open.byParagraph && !unit.equals(open.unit);
    }

    void openByParagraph(String unit) {
        close();
        open = new Open(district, unit, null);
        open.byParagraph = true;
        if (districtLine != null) {
            open.lines.add(districtLine);
        }
        districtLine = null;
    }

    void heading(String name) {
        close();
        structured = true;
        category = name;
        // a new part of the bulletin names its districts anew; carried on, a
        // district could file a unit under the wrong one
        district = null;
        districtLine = null;
    }

    void district(String name, String line) {
        close();
        structured = true;
        district = name;
        districtLine = line;
    }

    void date(LocalDate day) {
        if (open != null) {
            open.date = day;
        }
        else if (sections.isEmpty()) {
            date = day;
        }
    }

    /** The text after a unit on the unit's own line. */
    void text(String rest) {
        if (open != null) {
            open.paragraphs.add(rest);
        }
    }

    void paragraph(String line) {
        if (open == null && districtLine != null) {
            // paragraphs right under a district line: a station without its unit
            open = new Open(district, null, null);
            open.lines.add(districtLine);
            districtLine = null;
        }
        if (open == null) {
            unplaced.add(line);
            return;
        }
        open.lines.add(line);
        open.paragraphs.add(line);
    }

    void close() {
        if (open != null) {
            sections.add(new BulletinSplitter.Section(category, open.district, open.unit, open.date, open.lines,
                    open.paragraphs));
            open = null;
        }
    }

}
