package uk.encounters.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Who gets in where, before any service is asked: the rules of {@link SecurityConfiguration}. */
@SpringBootTest(properties = {"encounters.portal.identity=http://localhost:18080",
        "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
class SignInRulesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aStrangerIsSentToSignInAtIdentityServiceWithPkce() throws Exception {
        mvc.perform(get("http://127.0.0.1/school")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/platform"));
        mvc.perform(get("http://127.0.0.1/oauth2/authorization/platform")).andExpect(status().isFound())
                .andExpect(header().string("Location", allOf(startsWith("http://localhost:18080/oauth2/authorize?"),
                        containsString("client_id=portal"), containsString("code_challenge_method=S256"),
                        containsString("redirect_uri=http://127.0.0.1/login/oauth2/code/platform"))));
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldToLoadTheSignInPage() throws Exception {
        mvc.perform(get("http://127.0.0.1/hub").header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/oauth2/authorization/platform"));
    }

    @Test
    void localhostIsSentToTheLoopbackAddressThatSignInAccepts() throws Exception {
        mvc.perform(get("http://localhost:8084/employer?sector=Health")).andExpect(status().isFound())
                .andExpect(redirectedUrl("http://127.0.0.1:8084/employer?sector=Health"));
    }

    /**
     * Every role against every portal, at its front page and a page deeper in: the right role reaches the page's
     * controller (what the page then shows depends on the services, not here), every other role, an administrator
     * included, is refused with 403 before any controller runs.
     */
    @Test
    void eachPortalIsOpenToItsRoleAndClosedToEveryOther() throws Exception {
        Map<String, List<String>> pagesByRole = Map.of(
                "CAREERS_LEADER", List.of("/school", "/school/encounters/enc-1", "/school/pupils/p-1"),
                "EMPLOYER", List.of("/employer", "/employer/offers"),
                "HUB_COORDINATOR", List.of("/hub", "/hub/schools/s-1"),
                "PLATFORM_ADMIN", List.of());
        for (String role : pagesByRole.keySet()) {
            for (Map.Entry<String, List<String>> area : pagesByRole.entrySet()) {
                for (String page : area.getValue()) {
                    MvcResult result = mvc.perform(get("http://127.0.0.1" + page).with(as(role))).andReturn();
                    if (area.getKey().equals(role)) {
                        assertThat(result.getHandler()).as(role + " reaches " + page).isNotNull();
                        assertThat(result.getResponse().getStatus()).as(role + " at " + page).isNotEqualTo(403);
                    } else {
                        assertThat(result.getResponse().getStatus()).as(role + " at " + page).isEqualTo(403);
                        assertThat(result.getHandler()).as(role + " never reaches " + page).isNull();
                    }
                }
            }
        }
    }

    @Test
    void theFrontDoorSendsEachRoleToItsOwnPortal() throws Exception {
        for (Map.Entry<String, String> home : Map.of("CAREERS_LEADER", "/school", "EMPLOYER", "/employer",
                "HUB_COORDINATOR", "/hub", "PLATFORM_ADMIN", "/admin").entrySet()) {
            mvc.perform(get("http://127.0.0.1/").with(as(home.getKey()))).andExpect(status().isFound())
                    .andExpect(redirectedUrl(home.getValue()));
        }
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String role) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role))
                .idToken(token -> token.subject("account-1").claim("role", role).claim("tenantId", "tenant-1"))
                .userInfoToken(info -> info.claim("role", role).claim("tenantId", "tenant-1"));
    }
}
