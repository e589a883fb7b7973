package cn.cdsw.tallybot.command;

import static cn.cdsw.tallybot.command.ParserFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.cdsw.tallybot.config.CommandType;

/**
 * Each kind of refusal carries its reason and the command it was meant as, for counting
 * refusals by kind.
 */
class RefusalReasonTests {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            '#上报 锦江区 三圣街道社工站 走访196户 东西五件'          | UNREADABLE       | REPORT
            '#上报 东城区 三圣街道社工站 走访196户'                   | UNKNOWN_DISTRICT | REPORT
            '#上报 锦江区 三圣街道社工站 日期：12月5日 走访196户'      | FUTURE_DATE      | REPORT
            '#上报 锦江区 三圣街道社工站 日期：11月1日 走访196户'      | TOO_OLD          | REPORT
            '#上报 锦江区 三圣街道社工站 走访200000户'                | CEILING          | REPORT
            '#上报 锦江区 三圣街道社工站 走访3户 走访4户'              | DUPLICATE        | REPORT
            '#上报 锦江区 三圣街道社工站 走访1.5户'                   | NOT_WHOLE        | REPORT
            '#上报 锦江区 三圣街道社工站 走访3斤'                     | MEASURE_WRONG    | REPORT
            '#上报 锦江区 三圣街道社工站'                             | NO_FIGURES       | REPORT
            '#上报 锦江区 三圣街道社工站 颜色：红 走访3户'             | UNKNOWN_FIELD    | REPORT
            '#绑定 锦江区'                                           | FORM             | BIND
            '#撤回 昨天那条'                                         | FORM             | RETRACT
            '#统计 天上'                                             | FORM             | QUERY
            """)
    void refusalsSayWhyAndForWhichCommand(String text, RefusalReason reason, CommandType command) {
        ParseResult result = parse(text);

        assertThat(result).as(text).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.reason()).as(rejected.refusal().toString()).isEqualTo(reason);
        assertThat(rejected.command()).isEqualTo(command);
    }

    @ParameterizedTest
    @CsvSource({ "UNKNOWN_DISTRICT, unknown_district", "CEILING, ceiling", "FUTURE_DATE, future_date" })
    void tagsAreLowerCaseWithUnderscores(RefusalReason reason, String tag) {
        assertThat(reason.tag()).isEqualTo(tag);
    }

}
