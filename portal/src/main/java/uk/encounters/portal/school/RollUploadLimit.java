package uk.encounters.portal.school;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.web.Viewer;

/**
 * A file over the portal's upload limit (spring.servlet.multipart) is refused before any controller sees it, so it is
 * answered here. The roll upload is the portal's only file upload.
 */
@ControllerAdvice
class RollUploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Viewer viewer, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("problem", new ApiProblem(413, "File too large", "The file is larger than the 10 MB a"
                + " roll upload may be; a roll export is far smaller. Check that you chose the right file.", List.of()));
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments :: problem";
        }
        response.setStatus(413);
        return "problem";
    }
}
