/**
 * Activity records: the value types of a report, their storage (SQLite or PostgreSQL
 * through JDBC) and {@code ReportService}, the entry point that stores, retracts and
 * corrects records with an audit trail.
 */
@NullMarked
package cn.cdsw.tallybot.report;

import org.jspecify.annotations.NullMarked;
