package cn.cdsw.tallybot.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a client address is this machine: where no secret or token proves who is
 * calling, the webhook and the actuator take only local clients.
 */
public final class LoopbackAddress {

    /** Only IP literals are parsed, so that deciding never triggers a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private LoopbackAddress() {
    }

    public static boolean is(@Nullable String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

}
