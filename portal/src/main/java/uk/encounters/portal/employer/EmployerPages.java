package uk.encounters.portal.employer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class EmployerPages {

    @GetMapping("/employer")
    String home() {
        return "employer/home";
    }
}
