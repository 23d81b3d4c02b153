package uk.encounters.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import uk.encounters.portal.api.PlatformApi;

/**
 * Every page needs a signed-in person, and each portal its role. Signing in is identity-service's authorization code
 * flow with PKCE; the tokens stay in the HTTP session. Signing out ends identity-service's session too, so the next
 * person at a shared school computer has to sign in afresh.
 */
@Configuration
class SecurityConfiguration {

    static final String SIGN_IN = "/oauth2/authorization/" + PlatformApi.REGISTRATION;

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations,
                               AccountUserService accounts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/signed-out", "/error",
                                "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/school/**").hasRole(Viewer.CAREERS_LEADER)
                        .requestMatchers("/employer/**").hasRole(Viewer.EMPLOYER)
                        .requestMatchers("/hub/**").hasRole(Viewer.HUB_COORDINATOR)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(SIGN_IN)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts)))
                .logout(logout -> logout.logoutSuccessHandler(signedOut(registrations)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(htmxSignIn(), new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN),
                                request -> true));
        return http.build();
    }

    /** Tokens live in the session: gone when it ends or the person signs out. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** An htmx request cannot follow a redirect to another site; tell htmx to load the sign-in page instead. */
    private static AuthenticationEntryPoint htmxSignIn() {
        return (request, response, exception) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + SIGN_IN);
            response.setStatus(HttpServletResponse.SC_OK);
        };
    }

    private static OidcClientInitiatedLogoutSuccessHandler signedOut(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return handler;
    }
}
