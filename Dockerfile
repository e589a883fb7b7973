# syntax=docker/dockerfile:1

# --- build: dependencies first, so source edits do not re-download them ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bot-config bot-config
RUN mvn -B -q package -DskipTests

# --- runtime: JRE only, non-root, config and data where an operator expects them ---
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl fontconfig fonts-wqy-zenhei \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system tallybot && useradd --system --gid tallybot --home-dir /app --no-create-home tallybot
WORKDIR /app
COPY --from=build /src/target/tallybot.jar /app/tallybot.jar
COPY bot-config /app/bot-config
RUN mkdir -p /app/data && chown tallybot:tallybot /app/data
VOLUME ["/app/data"]
USER tallybot
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health" > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/tallybot.jar"]
