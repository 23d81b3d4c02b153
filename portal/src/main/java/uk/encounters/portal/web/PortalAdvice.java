package uk.encounters.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import uk.encounters.portal.api.ApiProblem;
import uk.encounters.portal.api.SignInNeeded;

/**
 * What every page shares: the signed-in person ({@code viewer} in templates, or a {@link Viewer} parameter), and
 * the pages for a refusal that no form handled and for a sign-in that ran out.
 */
@ControllerAdvice
class PortalAdvice {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Signing in again is silent while identity-service's session lasts; htmx is told to reload the page. */
    @ExceptionHandler(SignInNeeded.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        request.getSession().invalidate();
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", SecurityConfiguration.SIGN_IN);
            return "fragments :: empty";
        }
        return "redirect:" + SecurityConfiguration.SIGN_IN;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(problem.getStatus());
        model.addAttribute("problem", problem);
        model.addAttribute("viewer", viewer());
        if (request.getHeader("HX-Request") != null) {
            // htmx swaps error answers only where told to; this one goes to the page's alert region.
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            response.setStatus(200);
            return "fragments :: problem";
        }
        return "problem";
    }

    /** Lets controllers take the signed-in person as a parameter. */
    static final class ViewerResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Viewer.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binders) {
            return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
        }
    }
}
