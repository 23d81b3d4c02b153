package uk.encounters.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends {@code http://localhost:8084/...} to {@code http://127.0.0.1:8084/...}: OAuth 2.1 (and identity-service)
 * accept loopback redirect addresses only as IP literals, so sign-in works only on the latter, and a newcomer types
 * the former.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LoopbackAddress extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("localhost".equalsIgnoreCase(request.getServerName()) && "GET".equals(request.getMethod())
                && !request.getRequestURI().startsWith("/actuator")) {
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            response.sendRedirect(request.getScheme() + "://127.0.0.1:" + request.getServerPort()
                    + request.getRequestURI() + query);
            return;
        }
        chain.doFilter(request, response);
    }
}
