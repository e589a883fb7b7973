package cn.cdsw.tallybot.command;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One station of a pasted bulletin (docs/commands.md §10a): its number in the read-back,
 * the draft read from its own paragraphs (place, category and day included), the notes
 * beside it, the text it was read from, and — when its unit is one edit away from a unit
 * {@code units.yml} lists for the district — the unit it likely meant. Only a station
 * without a {@link #problem()} can be stored.
 */
public record BulletinStation(int number, ReportDraft draft, ProseNotes notes, String text,
        @Nullable String unitMeant) {

    /** Why a station cannot be stored as read. */
    public enum Problem {

        /** Stored on 确认. */
        NONE,
        /** No tally figure in its paragraphs. */
        NO_FIGURES,
        /** Paragraphs under a district line, with no unit line of their own. */
        NO_UNIT,
        /** A unit one edit away from a listed one. */
        UNIT_NEAR_MISS,
        /** A unit with no district line above it, and units.yml does not list it. */
        NO_DISTRICT

    }

    public BulletinStation {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(text, "text");
        if (number < 1) {
            throw new IllegalArgumentException("stations are numbered from 1");
        }
    }

    public Problem problem() {
        if (!draft.hasFigures()) {
            return Problem.NO_FIGURES;
        }
        if (draft.unit() == null) {
            return Problem.NO_UNIT;
        }
        if (unitMeant != null) {
            return Problem.UNIT_NEAR_MISS;
        }
        return draft.district() == null ? Problem.NO_DISTRICT : Problem.NONE;
    }

    public boolean storable() {
        return problem() == Problem.NONE;
    }

}
