package org.s11evaluator.rules.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a rule runner: the same Java and class path as this application, running {@link RuleRunnerMain}, with
 * an empty environment (no database credentials, nothing from this process's environment), no system property
 * but what Java and Drools need, an empty private working folder, a bounded heap that ends the process at its
 * first {@link OutOfMemoryError}, and, where Linux allows it ({@code unshare}), an empty network namespace and a
 * process-id namespace of its own.
 */
final class RunnerProcess {

	private static final Logger log = LoggerFactory.getLogger(RunnerProcess.class);

	/** The exit code of a JVM that ends on {@code -XX:+ExitOnOutOfMemoryError}. */
	static final int OUT_OF_MEMORY_EXIT = 3;

	private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	/**
	 * New user, network, mount and process-id namespaces, with its own /proc: no network, and no other process in
	 * sight (not even this application's). The runner's JVM is unshare's child, killed when unshare is.
	 */
	private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--net", "--mount", "--pid",
			"--fork", "--mount-proc", "--kill-child");

	/** A network namespace only, where the fuller set is not allowed. */
	private static final List<String> UNSHARE_NET = List.of("unshare", "--user", "--map-root-user", "--net");

	private static volatile List<String> sandbox;

	private RunnerProcess() {
	}

	/** A started runner and its private folder (deleted by {@link #deleteFolder}). */
	record Started(Process process, Path folder) {
	}

	static Started start(RunnerSettings settings, int maxRuleFirings) {
		Path folder = null;
		try {
			folder = Files.createTempDirectory("s11-rule-runner-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			ProcessBuilder builder = new ProcessBuilder(command(settings, maxRuleFirings, folder)).directory(folder.toFile());
			builder.environment().clear();
			builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
			builder.environment().put("LANG", "C.UTF-8");
			return new Started(builder.start(), folder);
		}
		catch (IOException ex) {
			deleteFolder(folder);
			throw new UncheckedIOException("The rule runner could not be started: " + ex.getMessage(), ex);
		}
	}

	static List<String> command(RunnerSettings settings, int maxRuleFirings, Path folder) {
		List<String> command = new ArrayList<>();
		command.addAll(sandbox());
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + settings.memoryMegabytes() + "m");
		command.add("-XX:+ExitOnOutOfMemoryError");
		command.add("-XX:+UseSerialGC");
		command.add("-XX:-UsePerfData");
		command.add("-Xss1m");
		command.add("-Ddrools.jittingThreshold=-1"); // Drools 10 mvel jit bug (NOTES.md); the application runs the same
		command.add("-Djava.io.tmpdir=" + folder);
		command.add("-Dfile.encoding=UTF-8");
		// rules that format dates or numbers read them as the application would
		command.add("-Duser.timezone=" + TimeZone.getDefault().getID());
		command.add("-Duser.language=" + Locale.getDefault().getLanguage());
		command.add("-Duser.country=" + Locale.getDefault().getCountry());
		// the runner works in its own folder: a class path relative to this one's (java -jar target/x.jar) is made absolute
		String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
		if (isSpringBootJar(classPath)) {
			// java -jar s11-evaluator.jar: the runner's class is inside the jar, reached through Spring Boot's launcher
			command.add("-Dloader.main=" + RuleRunnerMain.class.getName());
			command.addAll(List.of("-cp", classPath, SPRING_BOOT_LAUNCHER));
		}
		else {
			command.addAll(List.of("-cp", classPath, RuleRunnerMain.class.getName()));
		}
		command.add(Integer.toString(maxRuleFirings));
		return command;
	}

	/** Whether runners start in an empty network namespace (on Linux, where unprivileged user namespaces work). */
	static boolean withoutNetwork() {
		return !sandbox().isEmpty();
	}

	/**
	 * The unshare command runners start under: the fullest that works here ({@code unshare ... true} succeeds),
	 * else none, which is said once, as a warning: rules then run with network access.
	 */
	static List<String> sandbox() {
		List<String> known = sandbox;
		if (known == null) {
			synchronized (RunnerProcess.class) {
				if (sandbox == null) {
					sandbox = works(UNSHARE) ? UNSHARE : works(UNSHARE_NET) ? UNSHARE_NET : List.of();
					if (sandbox.isEmpty()) {
						log.warn("The rule runner has network access: 'unshare -rn' is not available here, so rules cannot be "
								+ "started in an empty network namespace. They still run without credentials, in their own folder, "
								+ "within their time and memory budgets.");
					}
				}
				known = sandbox;
			}
		}
		return known;
	}

	private static boolean works(List<String> unshare) {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
			return false;
		}
		try {
			List<String> probe = new ArrayList<>(unshare);
			probe.add("true");
			Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
			process.getOutputStream().close();
			try (InputStream output = process.getInputStream()) {
				output.readNBytes(4096);
			}
			return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean isSpringBootJar(String classPath) {
		if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void deleteFolder(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.debug("Could not delete the rule runner's folder {}: {}", folder, ex.getMessage());
		}
	}

}
