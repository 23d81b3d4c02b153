package uk.encounters.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: each person goes to their own portal. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Viewer viewer) {
        return "redirect:" + viewer.home();
    }

    /** Platform admins manage hubs and accounts through the APIs; the portal has nothing of theirs to show. */
    @GetMapping("/admin")
    String admin() {
        return "admin";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
