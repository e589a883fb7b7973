package cn.cdsw.tallybot.api;

/**
 * A query parameter the admin API cannot use; answered with 400 and the reason, never a
 * 5xx.
 */
class BadParameterException extends RuntimeException {

    private final String parameter;

    BadParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

}
