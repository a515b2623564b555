# syntax=docker/dockerfile:1
# Wharf container image: docker build -t wharf:0.1.0 .
# The build runs the project's own Maven wrapper on JDK 17 (the bytecode level); the image runs on
# a Temurin 25 JRE with an AOT cache made by a training start (JEP 514), which brings start-up to
# under half of a plain `java -jar` (docs/benchmarks.md). The chart (helm/wharf) expects the ports, user and paths declared here;
# ContainerImageTests checks that they agree.

FROM eclipse-temurin:17-jdk AS build
# The wrapper downloads Maven with curl (or wget); not every base image tag carries one.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
	&& java -Djarmode=tools -jar target/wharf-*.jar extract --layers --destination /layers \
	&& mv /layers/application/wharf-*.jar /layers/application/wharf.jar

FROM eclipse-temurin:25-jre AS runtime
WORKDIR /app
# Layers from least to most often changed, so a code change rebuilds only the last one.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Training start: refreshes the context, exits, and writes the class and linking cache.
RUN java -XX:AOTCacheOutput=/app/wharf.aot -Dspring.context.exit=onRefresh -jar /app/wharf.jar

# Any numeric non-root user works; 10001 is the chart's default runAsUser.
USER 10001:10001
# Actuator HTTP, then the default listeners (greeting 6000, echo 8888, echo-line 8889,
# echo-framed 8890).
EXPOSE 8080/tcp 6000/tcp 6000/udp 8888/tcp 8888/udp 8889/tcp 8890/tcp
# Java writes temporary files (Tomcat's work directory, hsperfdata) to /tmp; the chart mounts an
# emptyDir there so the root filesystem can stay read-only.
VOLUME /tmp
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=/app/wharf.aot", "-jar", "/app/wharf.jar"]
