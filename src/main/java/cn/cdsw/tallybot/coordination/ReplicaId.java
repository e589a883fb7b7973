package cn.cdsw.tallybot.coordination;

import java.util.Objects;
import java.util.UUID;

/**
 * The name of this process among the replicas: the owner of the summary rows it sends.
 * The pid helps on one machine; the random part keeps restarts and containers apart.
 */
public record ReplicaId(String value) {

    public ReplicaId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a replica id must not be blank");
        }
    }

    /** A fresh id for this process. */
    public static ReplicaId ofThisProcess() {
        return new ReplicaId(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
