# One image for every phasewatch role (`streams`, `ingest`, `alerts`, `run`, `diagnose`): the
# command given to the container picks the role. Build it where a registry is reachable:
#
#   docker build -t phasewatch .
#
# (docker-compose.yml builds it as phasewatch:local). No image can be built on the project's
# development and CI machines: they have no container engine and reach no registry. See
# docs/DEPLOY.md.

ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# --- build: the Maven wrapper builds the fat jar cli/target/phasewatch.jar -----------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# The whole (filtered, see .dockerignore) tree: the cli module bundles the snapshot from data/.
COPY . .
# Tests run in CI, not in the image build. No BuildKit-only features (cache mounts), so any
# builder, docker-compose v1's included, builds this file.
RUN chmod +x mvnw \
 && ./mvnw -B -ntp -pl cli -am -DskipTests package \
 && test -s cli/target/phasewatch.jar

# --- runtime: a JRE, the jar, the feed files and the bundled snapshot; never root ----------
FROM ${RUNTIME_IMAGE}
RUN groupadd --system --gid 10001 phasewatch \
 && useradd --system --uid 10001 --gid phasewatch --home-dir /var/lib/phasewatch \
      --no-create-home --shell /usr/sbin/nologin phasewatch \
 && mkdir -p /var/lib/phasewatch \
 && chown phasewatch:phasewatch /var/lib/phasewatch
WORKDIR /app
COPY --from=build /src/cli/target/phasewatch.jar /app/phasewatch.jar
# Feed files name their data relative to themselves (../data/bundled/…), so both keep the
# repository's layout under /app.
COPY --from=build /src/feeds /app/feeds
COPY --from=build /src/data /app/data
# Numeric, so a runtime that requires a non-root uid (runAsNonRoot) can check it.
USER 10001:10001
# /metrics and the JSON API (--http-port / PHASEWATCH_HTTP_PORT).
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/phasewatch.jar"]
CMD ["--help"]
