package uk.encounters.platform.identity;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import uk.encounters.platform.security.JwtUserResolver;

/** Wires the acting-user seam: who is asking (resolver), onto commands (interceptor), onto events (correlation). */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class IdentityAutoConfiguration {

    /** The bearer token's account id ({@code sub}); the token itself is checked by the security filter chain. */
    @Bean
    @ConditionalOnMissingBean
    CurrentUserResolver currentUserResolver() {
        return new JwtUserResolver();
    }

    /** Copies the acting user from each command's metadata to the events its handler applies. */
    @Bean
    CorrelationDataProvider actingUserCorrelation() {
        return new SimpleCorrelationDataProvider(ActingUser.METADATA_KEY);
    }

    /** Declared because a provider bean of our own replaces Axon's default list (correlation and trace ids). */
    @Bean
    CorrelationDataProvider messageOriginCorrelation() {
        return new MessageOriginProvider();
    }

    @Bean
    @ConditionalOnBean(CommandBus.class)
    SmartInitializingSingleton actingUserOnCommands(CommandBus commandBus, CurrentUserResolver resolver) {
        return () -> commandBus.registerDispatchInterceptor(new ActingUserDispatchInterceptor(resolver));
    }
}
