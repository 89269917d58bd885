# Builds and runs the evaluator; rules/, batch-config/ and output/ are mounted by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/s11-evaluator-*.jar /app/s11-evaluator.jar
COPY samples /app/samples
ENTRYPOINT ["java", "-jar", "/app/s11-evaluator.jar"]
CMD ["demo"]
