package cn.cdsw.tallybot.wording;

/** The period of a report: a Monday-to-Sunday week (周报) or a calendar month (月报). */
public enum ReportSpan {

    WEEK, MONTH

}
