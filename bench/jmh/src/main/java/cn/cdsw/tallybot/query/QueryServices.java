package cn.cdsw.tallybot.query;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.expectation.CampaignRepository;
import cn.cdsw.tallybot.expectation.ExpectedUnits;

/** Builds the product's QueryService for benchmarks in other packages (its constructor is package-private). */
public final class QueryServices {

    private QueryServices() {
    }

    public static QueryService of(JdbcClient jdbc, BotConfig config) {
        return new QueryService(new TotalsRepository(jdbc), new RollupTotalsRepository(jdbc), config,
                new ExpectedUnits(config, new CampaignRepository(jdbc), Clock.systemUTC()));
    }
}
