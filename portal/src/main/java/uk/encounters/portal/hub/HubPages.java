package uk.encounters.portal.hub;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HubPages {

    @GetMapping("/hub")
    String home() {
        return "hub/home";
    }
}
