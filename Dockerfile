# syntax=docker/dockerfile:1
# Base images pinned to a JDK patch release, so a rebuild next month gets the same Java; move both together.

# --- build: dependencies first, so source edits do not re-download them ---
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bot-config bot-config
RUN ./mvnw -B -q package -DskipTests \
    && sh src/main/docker/runtime.sh extract target/tallybot.jar /layers

# --- runtime: JRE only, non-root, config and data where an operator expects them ---
FROM eclipse-temurin:17.0.15_6-jre-noble
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fontconfig fonts-wqy-zenhei \
    && rm -rf /var/lib/apt/lists/*
# A fixed uid/gid, so a bind-mounted data folder can be given to it: chown 10001:10001 ./data
RUN groupadd --system --gid 10001 tallybot \
    && useradd --system --uid 10001 --gid tallybot --home-dir /app --no-create-home tallybot
WORKDIR /app
# One layer each, least often changed first: a code change ships only the last one.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY bot-config /app/bot-config
COPY src/main/docker/runtime.sh /app/runtime.sh
# The class-data-sharing archive must be made by the JVM and class path that will use it: here, at image build.
RUN sh /app/runtime.sh train /app \
    && mkdir -p /app/data && chown tallybot:tallybot /app/data
VOLUME ["/app/data"]
USER tallybot
# Logs and the bot's calendar in Beijing time; a crash on OutOfMemoryError lets the supervisor restart a clean JVM.
ENV TZ=Asia/Shanghai \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health" > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/tallybot.jsa", "-jar", "/app/tallybot.jar"]
