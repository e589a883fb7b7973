package cn.cdsw.tallybot.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an unusable SQLite path into Boot's short "APPLICATION FAILED TO START" report:
 * the path and what to do, for the operator who set it.
 */
class DatabaseLocationFailureAnalyzer
        extends AbstractFailureAnalyzer<SqliteDirectoryPostProcessor.DatabaseLocationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure,
            SqliteDirectoryPostProcessor.DatabaseLocationException cause) {
        return new FailureAnalysis("database: " + cause.getMessage(),
                "Fix the path or its permissions, then start again.", cause);
    }

}
