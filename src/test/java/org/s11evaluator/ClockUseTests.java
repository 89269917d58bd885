package org.s11evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Time is read from the application's {@link java.time.Clock} bean: no compiled class calls {@code Instant.now()},
 * {@code LocalDate.now()}, {@code LocalDateTime.now()} (and the other {@code java.time} types' {@code now()}) without
 * a Clock, or {@code System.currentTimeMillis()}, outside the few places below that must read the wall clock.
 * ({@code System.nanoTime()} measures durations and is fine.)
 */
class ClockUseTests {

	/** Class#method that read the wall clock on purpose, and why. */
	static final Set<String> ALLOWED = Set.of(
			// the Clock bean itself
			"org.s11evaluator.S11Application#clock",
			// an abandoned temporary file is told by its modification time, which the file system stamps by the wall clock
			"org.s11evaluator.files.AtomicFiles#abandoned",
			// how long a step has run, against the start time Spring Batch stamped by the wall clock
			"org.s11evaluator.evaluation.EvaluationProgress#afterStep",
			"org.s11evaluator.evaluation.EvaluationProgress#partitionDone",
			// requestedAt makes each launch a new job instance: a fixed Clock would make two launches the same
			"org.s11evaluator.runs.EvaluationManagement#fresh");

	private static final Set<String> TIME_TYPES = Set.of("java/time/Instant", "java/time/LocalDate", "java/time/LocalDateTime",
			"java/time/LocalTime", "java/time/ZonedDateTime", "java/time/OffsetDateTime", "java/time/Year", "java/time/YearMonth");

	@Test
	void noClassReadsTheTimeWithoutTheClockOutsideTheAllowedPlaces() {
		Set<String> found = wallClockReads(Path.of("target/classes"));
		assertThat(found).as("time read without the injected Clock (use clock.instant(), LocalDate.now(clock), ...)")
			.isSubsetOf(ALLOWED);
	}

	@Test
	void aCallToInstantNowWithoutAClockIsFoundNamingClassAndMethod() {
		assertThat(wallClockReads(Path.of("target/test-classes/fixture/clock"))).containsExactly("fixture.clock.ReadsTheTime#stamp");
	}

	/** class#method of every call to a no-argument {@code now()} of java.time, a system clock, or currentTimeMillis. */
	static Set<String> wallClockReads(Path classes) {
		Set<String> found = new TreeSet<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter((f) -> f.toString().endsWith(".class")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : files) {
			ClassReader reader;
			try {
				reader = new ClassReader(Files.readAllBytes(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			String className = reader.getClassName().replace('/', '.');
			reader.accept(new ClassVisitor(Opcodes.ASM9) {

				@Override
				public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
					return new MethodVisitor(Opcodes.ASM9) {

						@Override
						public void visitMethodInsn(int opcode, String owner, String name, String called, boolean isInterface) {
							boolean now = TIME_TYPES.contains(owner) && name.equals("now") && called.startsWith("()");
							boolean systemClock = owner.equals("java/time/Clock") && name.startsWith("system");
							boolean millis = owner.equals("java/lang/System") && name.equals("currentTimeMillis");
							if (now || systemClock || millis) {
								found.add(className + "#" + enclosing(method));
							}
						}

					};
				}

			}, ClassReader.SKIP_DEBUG);
		}
		return found;
	}

	/** A lambda's synthetic method is named after the method it is written in ({@code lambda$apply$0}). */
	private static String enclosing(String method) {
		return method.startsWith("lambda$") ? method.split("\\$")[1] : method;
	}

}
