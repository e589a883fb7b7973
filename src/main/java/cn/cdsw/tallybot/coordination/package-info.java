/**
 * Coordination between messages and replicas: de-duplication of deliveries, follow-up
 * state, command limits and send pacing, as small ports (docs/coordination.md).
 * {@code local/} implements them in process (one replica, the default); {@code redis/}
 * implements them on Redis for several replicas.
 */
@NullMarked
package cn.cdsw.tallybot.coordination;

import org.jspecify.annotations.NullMarked;
