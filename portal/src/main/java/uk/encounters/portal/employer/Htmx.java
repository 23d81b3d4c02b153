package uk.encounters.portal.employer;

import jakarta.servlet.http.HttpServletRequest;

/** htmx asks for a fragment, except when it restores a page from history (then it needs the whole page). */
final class Htmx {

    private Htmx() {
    }

    static boolean fragmentWanted(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
    }
}
