package uk.encounters.portal.school;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SchoolPages {

    @GetMapping("/school")
    String home() {
        return "school/home";
    }
}
