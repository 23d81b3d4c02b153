package uk.encounters.identity.signin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the authorization server's protocol endpoints; the JSON API under {@code /api/}, a
 * stateless resource server for this service's own tokens; and the pages a person uses (login form, invitation and
 * confirmation links, outbox), which keep a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Where the login form sends a person whose account is disabled, once they gave its right password. */
    static final String DISABLED_PAGE = "/login/disabled";
    /** Open: registering, and the endpoints whose link secret is the credential. */
    private static final String[] OPEN_API = {"/api/v1/employers/registrations", "/api/v1/registrations/*/confirm",
            "/api/v1/invitations/*/accept"};
    private static final String[] OPEN_PAGES = {"/login", DISABLED_PAGE, "/error", "/outbox", "/invitations/*",
            "/registrations/*", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs",
            "/v3/api-docs/**"};

    /** bcrypt today; the {@code {id}} prefix on every hash lets the default change without breaking old hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in is sent to the login form, then back to /oauth2/authorize.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The OIDC userinfo endpoint takes this service's access tokens.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, OPEN_API).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN_PAGES).permitAll()
                        .anyRequest().authenticated())
                // Set on the filter after configuring, so the login page still shows its error for /login?error.
                .formLogin(form -> form.withObjectPostProcessor(
                        new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(signInFailures());
                                return filter;
                            }
                        }));
        return http.build();
    }

    /** Every refusal goes back to the form, except a disabled account's sign-in with its right password. */
    private static AuthenticationFailureHandler signInFailures() {
        AuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?error");
        AuthenticationFailureHandler disabled = new SimpleUrlAuthenticationFailureHandler(DISABLED_PAGE);
        return (request, response, exception) -> (exception instanceof DisabledException ? disabled : refused)
                .onAuthenticationFailure(request, response, exception);
    }

    /** 401 as problem details, with the {@code WWW-Authenticate: Bearer} challenge RFC 6750 asks for. */
    static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            writeProblem(response, HttpStatus.UNAUTHORIZED,
                    "This request needs a valid bearer token from this platform's sign-in.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> writeProblem(response, HttpStatus.FORBIDDEN,
                "Your role does not allow this request.");
    }

    private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
