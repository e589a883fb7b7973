package cn.cdsw.tallybot.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether a client address is this machine. The same rule as the OneBot adapter's source
 * check, kept here rather than shared because {@code api} may not depend on a platform
 * adapter.
 */
final class LoopbackAddress {

    /** Only IP literals are parsed, so that deciding never triggers a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private LoopbackAddress() {
    }

    static boolean is(@Nullable String address) {
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
