package org.hotline8890.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages for everyone: the home page with the way to each audience's pages, and the staff login. */
@Controller
class HomePages {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
