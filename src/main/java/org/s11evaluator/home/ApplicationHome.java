package org.s11evaluator.home;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder the evaluator works from: {@code rules/}, {@code batch-config/}, {@code output/} and the embedded
 * database's data all resolve from it, wherever the command was started (a cron job starts it in the user's home
 * folder, a systemd unit in {@code /}).
 * <p>
 * Where it is, first found: the {@code --home=DIR} option (system property {@value #PROPERTY}), the environment
 * variable {@value #VARIABLE}; otherwise the working folder if it holds {@code rules/} or {@code batch-config/};
 * otherwise the folder the application is installed in (the jar's folder, or the folder above it when the jar is
 * in a build's {@code target/}) if that does; otherwise the working folder, which then fails the checks below
 * naming every folder that was looked in.
 */
public final class ApplicationHome {

	/** The property the {@code --home} option sets (Spring binds {@value #VARIABLE} to it too). */
	public static final String PROPERTY = "s11.home";

	/** The environment variable that names the home. */
	public static final String VARIABLE = "S11_HOME";

	static final String CONFIG_FOLDER = "batch-config";

	static final String RULES_FOLDER = "rules";

	private final Path folder;

	private final String foundBy;

	private final List<Path> lookedIn;

	ApplicationHome(Path folder, String foundBy, List<Path> lookedIn) {
		this.folder = folder.toAbsolutePath().normalize();
		this.foundBy = foundBy;
		this.lookedIn = List.copyOf(lookedIn);
	}

	/** The home of this process: from {@code --home}, {@value #VARIABLE}, the working folder or the installation. */
	public static ApplicationHome locate() {
		return locate(System.getProperty(PROPERTY), System.getenv(VARIABLE), Path.of("").toAbsolutePath(), installFolder());
	}

	/**
	 * The home given explicitly (option or variable, either may be null or blank), else found from the working folder
	 * and the installation folder.
	 */
	static ApplicationHome locate(String option, String variable, Path workingFolder, Optional<Path> installFolder) {
		if (option != null && !option.isBlank()) {
			return explicit(Path.of(option.strip()), "--home (" + PROPERTY + ")");
		}
		if (variable != null && !variable.isBlank()) {
			return explicit(Path.of(variable.strip()), "the environment variable " + VARIABLE);
		}
		List<Path> lookedIn = new ArrayList<>();
		lookedIn.add(workingFolder.toAbsolutePath().normalize());
		if (holdsAnyPart(workingFolder)) {
			return new ApplicationHome(workingFolder, "the working folder", lookedIn);
		}
		if (installFolder.isPresent()) {
			Path installed = installFolder.get().toAbsolutePath().normalize();
			List<Path> candidates = new ArrayList<>(List.of(installed));
			if (installed.getFileName() != null && installed.getFileName().toString().equals("target")
					&& installed.getParent() != null) {
				candidates.add(installed.getParent());
			}
			for (Path candidate : candidates) {
				if (!lookedIn.contains(candidate)) {
					lookedIn.add(candidate);
				}
				if (holdsAnyPart(candidate)) {
					return new ApplicationHome(candidate, "the folder the application is installed in", lookedIn);
				}
			}
		}
		return new ApplicationHome(workingFolder, "the working folder", lookedIn);
	}

	private static ApplicationHome explicit(Path folder, String foundBy) {
		Path absolute = folder.toAbsolutePath().normalize();
		return new ApplicationHome(absolute, foundBy, List.of(absolute));
	}

	private static boolean holdsAnyPart(Path folder) {
		return Files.isDirectory(folder.resolve(RULES_FOLDER)) || Files.isDirectory(folder.resolve(CONFIG_FOLDER));
	}

	/** The folder of the running jar (or of the compiled classes), if it can be told. */
	static Optional<Path> installFolder() {
		try {
			java.io.File dir = new org.springframework.boot.system.ApplicationHome(ApplicationHome.class).getDir();
			Path path = dir.toPath().toAbsolutePath().normalize();
			// compiled classes (target/classes, as ./mvnw spring-boot:run runs them): the build's target/ folder
			if (path.getFileName() != null && path.getFileName().toString().equals("classes") && path.getParent() != null) {
				path = path.getParent();
			}
			return Optional.of(path);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	public Path folder() {
		return this.folder;
	}

	/** How the home was found, for messages ("the environment variable S11_HOME"). */
	public String foundBy() {
		return this.foundBy;
	}

	/** A path from configuration: relative paths are inside the home, absolute ones stay as they are. */
	public Path resolve(Path path) {
		return path.isAbsolute() ? path.normalize() : this.folder.resolve(path).normalize();
	}

	/** A path as messages show it: relative to the working folder when it lies inside it, else absolute. */
	public Path shown(Path path) {
		Path working = Path.of("").toAbsolutePath();
		Path absolute = path.toAbsolutePath().normalize();
		return absolute.startsWith(working) ? working.relativize(absolute) : absolute;
	}

	public Path configFolder() {
		return this.folder.resolve(CONFIG_FOLDER);
	}

	/** The configuration folder; fails naming where it looked when it is not there. */
	public Path requireConfigFolder() {
		if (!Files.isDirectory(this.folder)) {
			throw new ApplicationHomeException("The application home " + this.folder + " (" + this.foundBy
					+ ") does not exist. " + HOW_TO_SET);
		}
		Path config = configFolder();
		if (!Files.isDirectory(config)) {
			throw new ApplicationHomeException("No configuration folder: " + config + " does not exist. " + whereFrom()
					+ " " + HOW_TO_SET);
		}
		return config;
	}

	/**
	 * The rules folder (from configuration, relative to the home); fails naming it when it is missing or holds no rule
	 * pack (a folder with DRL files in it), so a run never evaluates nothing and reports success.
	 */
	public Path requireRulesFolder(Path configured) {
		Path rules = resolve(configured);
		if (!Files.isDirectory(rules)) {
			throw new ApplicationHomeException("No rules folder: " + rules + " does not exist. " + whereFrom() + " "
					+ HOW_TO_SET);
		}
		if (!holdsAPack(rules)) {
			throw new ApplicationHomeException("The rules folder " + rules + " holds no rule pack (a folder with a "
					+ PACK_MARKER + "). Nothing would be evaluated. " + whereFrom() + " " + HOW_TO_SET);
		}
		return rules;
	}

	/** A rules folder named directly (not through the home): it must exist and hold a pack. */
	public static Path requireRulePacks(Path folder, String how) {
		Path rules = folder.toAbsolutePath().normalize();
		if (!Files.isDirectory(rules)) {
			throw new ApplicationHomeException("No rules folder: " + rules + " (" + how + ") does not exist.");
		}
		if (!holdsAPack(rules)) {
			throw new ApplicationHomeException("The rules folder " + rules + " (" + how + ") holds no rule pack (a folder "
					+ "with a " + PACK_MARKER + "). Nothing would be checked.");
		}
		return rules;
	}

	/** What makes a folder of the rules folder a pack (as rules.RulePacks reads them). */
	static final String PACK_MARKER = "framework.yaml";

	private static boolean holdsAPack(Path rules) {
		try (java.util.stream.Stream<Path> folders = Files.list(rules)) {
			return folders.anyMatch((folder) -> Files.isRegularFile(folder.resolve(PACK_MARKER)));
		}
		catch (java.io.IOException ex) {
			throw new ApplicationHomeException("The rules folder " + rules + " cannot be read: " + ex.getMessage());
		}
	}

	private String whereFrom() {
		if (this.lookedIn.size() > 1) {
			return "The application home is " + this.folder + " (" + this.foundBy + "); looked for rules/ and batch-config/ in "
					+ String.join(" and ", this.lookedIn.stream().map(Path::toString).toList()) + ".";
		}
		return "The application home is " + this.folder + " (" + this.foundBy + ").";
	}

	private static final String HOW_TO_SET = "Give the folder that holds rules/ and batch-config/ with --home=DIR or the "
			+ "environment variable " + VARIABLE + ".";

	@Override
	public String toString() {
		return this.folder + " (" + this.foundBy + ")";
	}

}
