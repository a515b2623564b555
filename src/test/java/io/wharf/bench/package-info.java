/**
 * The side-by-side benchmark: a load generator, a minimal Netty echo server as the
 * baseline, and the orchestration that runs both against Wharf
 * ({@code ./mvnw -Pbench verify}).
 */
@NullMarked
package io.wharf.bench;

import org.jspecify.annotations.NullMarked;
