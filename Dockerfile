# syntax=docker/dockerfile:1
# Wharf container image: docker build -t wharf:0.1.0 .
# The build runs the project's own Maven wrapper on JDK 17 (the bytecode level); the image runs on
# a Temurin 25 JRE. Start-up (docs/benchmarks.md, "Start-up"): an AOT cache made by a training start
# that also serves a little (JEP 514/515), Spring AOT's generated bean definitions
# (-Dspring.aot.enabled=true; Wharf falls back to the usual start, with a warning, when the
# configuration would decide other beans than at build time), and JIT compiler threads at a lower
# CPU priority than the thread starting the application.
# The chart (helm/wharf) expects the ports, user and paths declared here; ContainerImageTests checks
# that they agree.

# The two base images are build arguments, so that a build without a registry can use local
# stand-ins (.ci/image builds a Debian JDK 17 image and a Debian image with Temurin 25).
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
# The wrapper downloads Maven with curl (or wget) and unpacks the zip with unzip (without it, it
# fetches the tar.gz instead); not every base image tag carries them.
RUN apt-get update && apt-get install -y --no-install-recommends curl unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
	&& java -Djarmode=tools -jar target/wharf-*-exec.jar extract --layers --destination /layers \
	&& mv /layers/application/wharf-*.jar /layers/application/wharf.jar

FROM ${RUNTIME_IMAGE} AS runtime
ARG RUNTIME_IMAGE
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
# OCI annotations, as registries and scanners read them; .ci/image passes the commit and date.
LABEL org.opencontainers.image.title="Wharf" \
	org.opencontainers.image.description="A managed TCP/UDP socket service on Spring Boot: greeting, echo and services of your own" \
	org.opencontainers.image.version="${VERSION}" \
	org.opencontainers.image.revision="${REVISION}" \
	org.opencontainers.image.created="${CREATED}" \
	org.opencontainers.image.source="${SOURCE}" \
	org.opencontainers.image.base.name="${RUNTIME_IMAGE}"
WORKDIR /app
# Layers from least to most often changed, so a code change rebuilds only the last one.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Training start with the ENTRYPOINT's flags (the JVM refuses a cache made with, for one, another
# --enable-native-access): starts Wharf, asks for the probes and a scrape, sends a message to every
# listener, exits, and writes the class, linking and profile cache. It fails the build if any of
# that does not answer.
RUN java -XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED \
	-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10 -Dspring.aot.enabled=true \
	-XX:AOTCacheOutput=/app/wharf.aot -cp /app/wharf.jar io.wharf.server.TrainingRun

# Any numeric non-root user works; 10001 is the chart's default runAsUser.
USER 10001:10001
# Actuator HTTP, then the default listeners (greeting 6000, echo 8888, echo-line 8889,
# echo-framed 8890).
EXPOSE 8080/tcp 6000/tcp 6000/udp 8888/tcp 8888/udp 8889/tcp 8890/tcp
# Java writes temporary files (Tomcat's work directory, hsperfdata) to /tmp; the chart mounts an
# emptyDir there so the root filesystem can stay read-only.
VOLUME /tmp
# Compact object headers (JDK 25, JEP 519): 8-byte object headers instead of 12, about 200 bytes
# less heap per held connection (docs/benchmarks.md#what-a-connection-costs).
# Netty loads its epoll library through JNI (--enable-native-access keeps JDK 25 from warning).
# ThreadPriorityPolicy=1 lets CompilerThreadPriority lower the compiler threads' priority (nice 10);
# as a non-root user the JVM warns that raising priorities would need root; lowering one, all that
# matters here, needs no permission.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseCompactObjectHeaders", "--enable-native-access=ALL-UNNAMED", "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=10", "-Dspring.aot.enabled=true", "-XX:AOTCache=/app/wharf.aot", "-jar", "/app/wharf.jar"]
