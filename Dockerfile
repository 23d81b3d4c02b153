# One image recipe for every service; compose passes SERVICE and PORT. The image packages the jar the host
# built; it does not build. From the repository root, first:
#   ./mvnw -DskipTests package        (then: docker compose up --build)
# Pinned to the JDK the build uses (25.0.3+9), on Ubuntu noble, which brings bash for the healthcheck.
FROM eclipse-temurin:25.0.3_9-jre-noble

ARG SERVICE
ARG PORT

# /data is owned by the app user so a volume mounted there is writable (identity-service keeps its first-start
# credentials in it).
RUN groupadd --system app && useradd --system --gid app --no-create-home app && install -d -o app -g app /data
WORKDIR /app
# One jar only: after a version change, run ./mvnw clean package so target/ holds a single -exec jar.
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/app.jar
USER app

ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}

# No curl or wget needed: bash's /dev/tcp speaks just enough HTTP/1.0. Readiness, so traffic waits for the consumers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=5 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
