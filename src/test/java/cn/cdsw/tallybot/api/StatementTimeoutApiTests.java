package cn.cdsw.tallybot.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.cdsw.tallybot.report.SqliteTestDatabase;
import cn.cdsw.tallybot.testing.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A query the database stops at the statement timeout is a 503 problem with a time to
 * come back, never a 500: a real SQLite query past a one-second timeout, answered by the
 * real advice.
 */
class StatementTimeoutApiTests {

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(ApiExceptionHandler.class);

    /** Stands for any endpoint whose query runs too long. */
    @RestController
    static class EndlessController {

        private final JdbcTemplate jdbc;

        EndlessController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/endless")
        long endless() {
            return jdbc.queryForObject(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                    Long.class);
        }

    }

    @Test
    void aQueryPastTheStatementTimeoutIsA503Problem() throws Exception {
        DataSource db = SqliteTestDatabase.migrated(dir);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.setQueryTimeout(1);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new EndlessController(jdbc))
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

        String body = mvc.perform(get("/api/v1/endless"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        JSONAssert.assertEquals(
                """
                        {"title":"Service Unavailable","status":503,"instance":"/api/v1/endless",
                         "detail":"the query ran longer than the database allows; try again later, or ask for a shorter range or a smaller page"}""",
                body, JSONCompareMode.STRICT);
        assertThat(log.warnings())
            .containsExactly("GET /api/v1/endless stopped at the statement timeout; answered 503");
    }

}
