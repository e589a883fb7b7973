package cn.cdsw.tallybot.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one-time link. {@code GET /login/<token>} does not use the link: chat apps fetch a
 * link's page to preview it, and such a fetch must not spend the coordinator's link. The
 * page it answers posts the token back by itself ({@code POST /login}, a button where
 * scripts are off), which redeems it, starts the session and lands on {@code /}. The
 * token, secret and single-use, is what protects that post.
 */
@Controller
class LoginController {

    private final LoginLinks links;

    private final DeskSessions sessions;

    LoginController(LoginLinks links, DeskSessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    @GetMapping("/login/{token}")
    ModelAndView open(@PathVariable("token") String token) {
        if (!links.open(token)) {
            return refused();
        }
        ModelAndView mav = new ModelAndView("desk/login");
        mav.addObject("token", token);
        return mav;
    }

    @PostMapping("/login")
    ModelAndView redeem(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response) {
        Optional<Coordinator> coordinator = links.redeem(token);
        if (coordinator.isEmpty()) {
            return refused();
        }
        response.addHeader(HttpHeaders.SET_COOKIE, sessions.start(coordinator.get()).toString());
        ModelAndView mav = new ModelAndView("redirect:/");
        mav.setStatus(HttpStatus.SEE_OTHER);
        return mav;
    }

    private static ModelAndView refused() {
        ModelAndView mav = new ModelAndView("desk/link-refused");
        mav.setStatus(HttpStatus.GONE);
        return mav;
    }

}
