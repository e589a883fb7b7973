package cn.cdsw.tallybot.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.cdsw.tallybot.config.BotConfig;
import cn.cdsw.tallybot.config.District;
import cn.cdsw.tallybot.query.Period;
import cn.cdsw.tallybot.report.RecordStatus;
import cn.cdsw.tallybot.summary.CityChart;
import cn.cdsw.tallybot.web.DeskSessions.DeskSession;

/**
 * {@code GET /}: the desk's main page for a signed-in coordinator, the sign-in help for
 * anyone else, and {@code GET /chart.png} its city chart; {@code POST /logout} ends the
 * session. Parameters that cannot be read (a date that is none, a range that ends before
 * it starts, an unknown district) are not a failure: the page shows today's city figures
 * and says what it ignored.
 */
@Controller
class DeskController {

    private final DeskPage page;

    private final DeskSessions sessions;

    private final BotConfig config;

    private final CityChart chart;

    DeskController(DeskPage page, DeskSessions sessions, BotConfig config, CityChart chart) {
        this.page = page;
        this.sessions = sessions;
        this.config = config;
        this.chart = chart;
    }

    @GetMapping("/")
    ModelAndView main(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(name = "from", required = false) @Nullable String from,
            @RequestParam(name = "to", required = false) @Nullable String to,
            @RequestParam(name = "district", required = false) @Nullable String district,
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "after", required = false) @Nullable String after) {
        // the figures stay out of shared caches and of the browser's history after 退出
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<DeskSession> session = sessions.of(request);
        if (session.isEmpty()) {
            return signIn();
        }
        Days days = Days.of(from, to, page.today());
        boolean ignored = days.ignored();
        LocalDate fromDate = days.from();
        LocalDate toDate = days.to();
        String districtName = null;
        if (district != null && !district.isBlank()) {
            districtName = config.districts().resolve(district.trim()).map(District::name).orElse(null);
            ignored |= districtName == null;
        }
        RecordStatus recordStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                recordStatus = RecordStatus.fromWireName(status.trim());
            }
            catch (IllegalArgumentException unknown) {
                ignored = true;
            }
        }
        long afterId = 0;
        if (after != null && !after.isBlank()) {
            try {
                afterId = Math.max(0, Long.parseLong(after.trim()));
            }
            catch (NumberFormatException notANumber) {
                ignored = true;
            }
        }
        DeskView view = page.view(new DeskPage.Request(fromDate, toDate, districtName, recordStatus, afterId));
        ModelAndView mav = new ModelAndView("desk/main");
        mav.addObject("view", view);
        mav.addObject("ignored", ignored);
        mav.addObject("who", session.get().coordinator().name());
        mav.addObject("csrf", session.get().csrf());
        mav.addObject("nextHref",
                view.nextAfter() == null ? null : DeskPage.href(fromDate, toDate, districtName, view.nextAfter()));
        mav.addObject("firstHref", DeskPage.href(fromDate, toDate, districtName, null));
        return mav;
    }

    /**
     * {@code GET /chart.png}: the city's chart of the page's period, the one the evening
     * post and the weekly and monthly reports carry; 404 where the machine draws none.
     */
    @GetMapping("/chart.png")
    ResponseEntity<byte[]> chart(HttpServletRequest request,
            @RequestParam(name = "from", required = false) @Nullable String from,
            @RequestParam(name = "to", required = false) @Nullable String to) {
        if (sessions.of(request).isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore()).build();
        }
        Days days = Days.of(from, to, page.today());
        return chart.render(days.from(), days.to())
            .map(png -> ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(png))
            .orElseGet(() -> ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build());
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cleared = sessions.end(request);
        response.addHeader(HttpHeaders.SET_COOKIE, cleared.toString());
        return "redirect:/";
    }

    /** Anyone without a session: how to get a link, and no figure. */
    static ModelAndView signIn() {
        ModelAndView mav = new ModelAndView("desk/signin");
        mav.setStatus(HttpStatus.UNAUTHORIZED);
        return mav;
    }

    /**
     * The days a request asks for; today, and {@code ignored}, where they cannot be read
     * or end before they start.
     */
    private record Days(LocalDate from, LocalDate to, boolean ignored) {

        static Days of(@Nullable String from, @Nullable String to, LocalDate today) {
            LocalDate fromDate = date(from, today);
            LocalDate toDate = date(to, today);
            if (fromDate == null || toDate == null || fromDate.isAfter(toDate)) {
                return new Days(today, today, true);
            }
            return new Days(fromDate, toDate, false);
        }

    }

    private static @Nullable LocalDate date(@Nullable String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return Period.allows(date, today) ? date : null;
        }
        catch (DateTimeParseException notADate) {
            return null;
        }
    }

}
