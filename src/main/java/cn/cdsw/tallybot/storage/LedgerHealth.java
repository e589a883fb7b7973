package cn.cdsw.tallybot.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/**
 * The {@code ledger} component of {@code /actuator/health} and of the readiness group:
 * whether the ledger can be written right now (docs/storage.md §11). Boot's
 * {@code diskSpace} watches the working directory and its {@code db} only that a query
 * runs, so with the database's disk full every report failed while the instance said UP
 * and kept getting traffic. OUT_OF_SERVICE (HTTP 503) while the database cannot take
 * writes, DOWN while it cannot be reached:
 * <ul>
 * <li>a write failed for the database's sake (full, read-only, I/O error) less than
 * {@code failure-hold} ago and none has succeeded since: the ledger's own evidence, which
 * sees causes no outside check does (a quota, a database size limit);</li>
 * <li>SQLite: the database file, its folder (where SQLite writes its journal) and its
 * -wal and -shm files must be writable, and the free space on the file's volume at least
 * {@code min-free-space}; a read on the database must run;</li>
 * <li>PostgreSQL: the server must answer and take writes (not a standby, not
 * {@code default_transaction_read_only}); its disk is not visible from here.</li>
 * </ul>
 * None of the checks writes: a probe write would grow the file, or queue behind the
 * writer's batch.
 */
final class LedgerHealth implements HealthIndicator {

    private final Database database;

    private final @Nullable Path file;

    private final DataSize minFreeSpace;

    private final Duration failureHold;

    private final WriteFailures failures;

    private final Ledger ledger;

    private final LedgerProbeRepository probes;

    LedgerHealth(Database database, @Nullable Path file, StorageProperties properties, Ledger ledger,
            DataSource dataSource) {
        this.database = database;
        this.file = file == null ? null : file.toAbsolutePath();
        this.minFreeSpace = properties.minFreeSpace();
        this.failureHold = properties.failureHold();
        this.failures = ledger.failures();
        this.ledger = ledger;
        this.probes = new LedgerProbeRepository(dataSource);
    }

    @Override
    public Health health() {
        Optional<WriteFailures.Failure> failed = failures.last()
            .filter(f -> f.at().plus(failureHold).isAfter(failures.now()));
        if (failed.isPresent()) {
            return Health.outOfService()
                .withDetail("database", database.name().toLowerCase())
                .withDetail("lastWriteFailure", failed.get().what())
                .withDetail("failedAt", failed.get().at().toString())
                .build();
        }
        try {
            return database == Database.SQLITE ? sqlite() : postgres();
        }
        catch (RuntimeException | IOException e) {
            return Health.down().withDetail("database", database.name().toLowerCase()).withException(e).build();
        }
    }

    private Health sqlite() throws IOException {
        Health.Builder health = Health.up().withDetail("database", "sqlite");
        ledger.read(() -> {
            probes.read();
            return null;
        });
        if (file == null) {
            // in memory: nothing on disk to check
            return health.build();
        }
        Path folder = file.getParent();
        health.withDetail("path", file.toString());
        for (Path path : new Path[] { folder, file, sibling("-wal"), sibling("-shm") }) {
            if (Files.exists(path) && !Files.isWritable(path)) {
                return health.status(Status.OUT_OF_SERVICE).withDetail("notWritable", path.toString()).build();
            }
        }
        long free = Files.getFileStore(folder).getUsableSpace();
        health.withDetail("free", free).withDetail("minFree", minFreeSpace.toBytes());
        if (free < minFreeSpace.toBytes()) {
            health.status(Status.OUT_OF_SERVICE)
                .withDetail("error", "less free space than tallybot.storage.min-free-space");
        }
        return health.build();
    }

    private Path sibling(String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private Health postgres() {
        boolean readOnly = probes.postgresRefusesWrites();
        Health.Builder health = Health.up().withDetail("database", "postgresql");
        if (readOnly) {
            health.status(Status.OUT_OF_SERVICE)
                .withDetail("error", "the server takes no writes (read-only or standby)");
        }
        return health.build();
    }

}
