package cn.cdsw.tallybot.query;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.cdsw.tallybot.config.BotConfig;

/** Builds the product's QueryService for benchmarks in other packages (its constructor is package-private). */
public final class QueryServices {

    private QueryServices() {
    }

    public static QueryService of(JdbcClient jdbc, BotConfig config) {
        return new QueryService(new TotalsRepository(jdbc), new RollupTotalsRepository(jdbc), config);
    }
}
