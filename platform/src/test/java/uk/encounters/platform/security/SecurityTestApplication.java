package uk.encounters.platform.security;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.platform.identity.ActingUser;

/** Every platform auto-configuration, as a service gets it, with one small API to call with tokens. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecurityTestApplication.Api.class)
class SecurityTestApplication {

    @RestController
    static class Api {

        private final CommandBus commandBus;

        Api(CommandBus commandBus) {
            this.commandBus = commandBus;
        }

        @GetMapping("/api/v1/me")
        Caller me() {
            return Callers.current();
        }

        @GetMapping("/api/v1/admin-only")
        Caller adminOnly() {
            return Callers.withRole(Role.PLATFORM_ADMIN);
        }

        /** Who the dispatch interceptor stamps on a command sent while serving this request. */
        @PostMapping("/api/v1/acting-user")
        Map<String, Object> actingUser() {
            var captured = new java.util.concurrent.atomic.AtomicReference<Object>();
            ((SimpleCommandBus) commandBus).subscribe("whoami", command -> {
                captured.set(command.getMetaData().get(ActingUser.METADATA_KEY));
                return null;
            });
            commandBus.dispatch(new GenericCommandMessage<>(
                    new org.axonframework.messaging.GenericMessage<>("?"), "whoami"));
            return Map.of("actingUser", captured.get());
        }
    }
}
