package cn.cdsw.tallybot.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a record's audit trail: who did what to it, and when. */
record RecordEvent(long id, long recordId, String action, Actor actor, Instant at, @Nullable String detail) {

    static final String CREATED = "created";
    static final String RETRACTED = "retracted";
    static final String RECALLED = "recalled";
    static final String SUPERSEDED = "superseded";

}
