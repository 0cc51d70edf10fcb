/**
 * What {@code lanyard dev} needs and a production node must not carry: a real Kafka broker (one KRaft node from
 * Kafka's own jars, with Scala) running inside the dev JVM.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@code launcher} knows only {@link edu.lanyard.devruntime.api.DevInfrastructure} (module
 *       {@code dev-runtime-api}, no dependencies) and looks an implementation up with {@link java.util.ServiceLoader}.
 *       It never depends on this module, so {@code lanyard.jar} holds no broker.</li>
 *   <li>This module implements it ({@link edu.lanyard.devruntime.EmbeddedDevInfrastructure}, registered in
 *       {@code META-INF/services}) and is packaged as {@code dev-runtime/target/lanyard-dev.jar}: this module plus the
 *       broker's dependencies that {@code lanyard.jar} does not already have. Its manifest names Lanyard's main class,
 *       puts {@code ../../launcher/target/lanyard.jar} on the class path and carries the same {@code Add-Opens}, so in
 *       a checkout {@code java -jar dev-runtime/target/lanyard-dev.jar dev} is {@code lanyard dev} with a broker;
 *       the {@code lanyard} script runs {@code dev} that way.</li>
 *   <li>{@code devkit} (tests only) uses {@link edu.lanyard.devruntime.EmbeddedKafka} directly when no Docker engine
 *       is present.</li>
 * </ul>
 * The launcher's {@code PackagedJarsCheck}, run by {@code ./mvnw verify} after both jars are built, fails the build
 * if a broker or test class gets into {@code lanyard.jar}, or if the two jars ever share a class.
 */
package edu.lanyard.devruntime;
