/**
 * Coordination between messages and replicas: de-duplication of deliveries, follow-up state, command limits and
 * send pacing, as small ports. {@code local/} implements them in process (one replica, the default); Redis
 * implementations come with scale-out (design §7).
 */
@NullMarked
package cn.cdsw.tallybot.coordination;

import org.jspecify.annotations.NullMarked;
