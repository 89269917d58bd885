# Builds and runs the evaluator; rules/, batch-config/ and output/ are mounted by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# The evaluator runs as an unprivileged user of its own (numeric, so a platform can check it is not root); it
# owns only the folder it writes, output/ (results and summaries; mounted by docker-compose.yml, whose host folder
# must then be writable by user 10001).
RUN groupadd --system --gid 10001 s11 \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin s11 \
 && mkdir -p /app/output \
 && chown 10001:10001 /app/output
WORKDIR /app
ENV S11_HOME=/app
COPY --from=build /src/target/s11-evaluator-*.jar /app/s11-evaluator.jar
COPY samples /app/samples
USER 10001:10001
# the throughput collector: the nightly run is a batch (README, "Running it every night")
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/app/s11-evaluator.jar"]
CMD ["demo"]
