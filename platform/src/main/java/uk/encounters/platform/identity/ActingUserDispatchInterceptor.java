package uk.encounters.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command dispatched while serving an HTTP request with the request's acting user. Commands sent
 * outside a request (Kafka listeners, deadlines) keep the user their sender set, or act as {@link ActingUser#SYSTEM}.
 */
final class ActingUserDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentUserResolver resolver;

    ActingUserDispatchInterceptor(CurrentUserResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(ActingUser.METADATA_KEY)) {
                return command;
            }
            ActingUser user = currentRequest().flatMap(resolver::resolve).orElse(ActingUser.SYSTEM);
            return command.andMetaData(java.util.Map.of(ActingUser.METADATA_KEY, user.id()));
        };
    }

    private static java.util.Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? java.util.Optional.of(attributes.getRequest())
                : java.util.Optional.empty();
    }
}
