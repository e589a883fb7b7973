package cn.cdsw.tallybot.config;

/**
 * How many characters a member may type into each stored field ({@code max-length} in
 * {@code grammar.yml}). Whatever is stored is echoed later — a unit name in every
 * {@code #明细} line and ranking — so one pasted essay as a unit name once made every
 * listing far longer than a QQ message can be; a field over its limit refuses the whole
 * command instead. The defaults hold the longest real names with room to spare
 * (成都市锦江区三圣街道社会工作服务站 is 17 characters).
 *
 * @param unit a unit (station) name, in a report, a correction, a binding or a follow-up
 * answer
 * @param note the 备注 of a report
 * @param item the name of one material
 * @param message a whole command, which is stored as the record's raw text
 */
public record InputLimits(int unit, int note, int item, int message) {

    /** The limits when {@code grammar.yml} says nothing. */
    public static final InputLimits DEFAULT = new InputLimits(40, 200, 20, 2000);

    /** What a limit is about, for the refusal to name. */
    public enum Field {

        UNIT, NOTE, ITEM, MESSAGE

    }

    public InputLimits {
        if (unit < 1 || note < 1 || item < 1 || message < 1) {
            throw new IllegalArgumentException("every max-length must be at least 1");
        }
    }

    public int of(Field field) {
        return switch (field) {
            case UNIT -> unit;
            case NOTE -> note;
            case ITEM -> item;
            case MESSAGE -> message;
        };
    }

}
