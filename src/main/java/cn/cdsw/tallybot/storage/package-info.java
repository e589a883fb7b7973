/**
 * The database the ledger lives in, and the one way the bot changes it: the SQLite
 * connection settings and their statement cache, and the {@code Ledger} that runs each
 * message's work as a unit in a transaction — batched with other messages' units by one
 * writer where the database has one writer (SQLite), alone where it does not (PostgreSQL)
 * — and runs read-only work outside that writer. Depends on nothing else in tallybot.
 */
@NullMarked
package cn.cdsw.tallybot.storage;

import org.jspecify.annotations.NullMarked;
