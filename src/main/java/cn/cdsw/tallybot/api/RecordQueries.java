package cn.cdsw.tallybot.api;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.cdsw.tallybot.report.RecordFilter;
import cn.cdsw.tallybot.report.RecordStatus;

/**
 * The record listing's query parameters, bound by Spring MVC, as a {@link RecordFilter}:
 * what binding cannot check on one parameter alone (a range that ends before it starts),
 * and blank text that does not filter; and the size of a page.
 */
final class RecordQueries {

    /** Records on a page when the client names no {@code limit}. */
    static final int DEFAULT_LIMIT = 100;

    /**
     * The largest page: a page is read, serialised and sent in one piece, so its size
     * bounds the memory one request can take. Asking for more is a 400 rather than a
     * quietly shorter page, so a client that counts on its own limit learns at once.
     */
    static final int MAX_LIMIT = 1000;

    private RecordQueries() {
    }

    static RecordFilter filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String district,
            @Nullable String unit, @Nullable RecordStatus status) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "from " + from + " is after to " + to);
        }
        return new RecordFilter(from, to, blankToNull(district), blankToNull(unit), status);
    }

    /** The page size: the default when absent, else from 1 to {@link #MAX_LIMIT}. */
    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit",
                    "limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
