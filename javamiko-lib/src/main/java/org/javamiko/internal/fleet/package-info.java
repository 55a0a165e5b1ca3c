/**
 * What {@link org.javamiko.Fleet} runs on: the choice of threads
 * ({@link org.javamiko.internal.fleet.Threads}: virtual on Java 21+, found by reflection since we
 * compile for 17) and the splitting of a command's output into lines as it arrives
 * ({@link org.javamiko.internal.fleet.LineCollector}). Not exported.
 */
package org.javamiko.internal.fleet;
