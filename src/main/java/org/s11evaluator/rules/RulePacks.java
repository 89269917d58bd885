package org.s11evaluator.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.s11evaluator.files.ContentHash;
import org.springframework.stereotype.Component;

/**
 * Reads rule packs from the rules folder at run time, so a policy officer's edit takes effect on the next run
 * without rebuilding the application. Each folder holding a {@code framework.yaml} is a pack; {@code common/}
 * holds the baseline rules and policy values every pack builds on.
 */
@Component
public class RulePacks {

	static final String FRAMEWORK_FILE = "framework.yaml";

	static final String VALUES_FILE = "policy-values.yaml";

	/** A pack's map of staff-survey questions to its items, read by the survey module. */
	public static final String SURVEY_FILE = "survey.yaml";

	/** The folder of baseline rules and values every pack builds on. */
	public static final String BASELINE = "common";

	private final Path directory;

	public RulePacks(RulesSettings settings) {
		this.directory = settings.directory();
	}

	/** Ids of every pack in the rules folder, in name order. */
	public List<String> ids() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(this.directory)) {
			return folders.filter((folder) -> Files.isRegularFile(folder.resolve(FRAMEWORK_FILE)))
				.map((folder) -> folder.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list rule packs in " + this.directory.toAbsolutePath(), ex);
		}
	}

	/**
	 * The version of the pack in the rules folder now, or {@code "unreadable"} if it cannot even be read: a
	 * marker that matches no stored version, so its returns count as changed and it counts as changed itself.
	 */
	public String currentVersion(String packId) {
		try {
			return load(packId).version();
		}
		catch (RulePackException ex) {
			return "unreadable";
		}
	}

	/** Reads a pack's files as they are now; throws {@link RulePackException} naming file and line if unusable. */
	public RulePack load(String packId) {
		Path folder = this.directory.resolve(packId);
		if (!packId.matches("[a-z0-9][a-z0-9-]*") || packId.equals(BASELINE) || !Files.isRegularFile(folder.resolve(FRAMEWORK_FILE))) {
			throw new RulePackException(packId, List.of(new RuleProblem(packId + "/" + FRAMEWORK_FILE, 0, 0,
					"no rule pack '" + packId + "' in " + this.directory.toAbsolutePath() + " (known packs: " + ids() + ")")));
		}
		return loadFrom(folder, packId);
	}

	/**
	 * Reads pack {@code packId} from any folder, such as a policy officer's draft, on top of this rules folder's
	 * baseline ({@code common/}). Files are named by their folder's own name in problems ({@code my-draft/evidence.drl}).
	 */
	public RulePack loadFrom(Path folder, String packId) {
		if (!Files.isRegularFile(folder.resolve(FRAMEWORK_FILE))) {
			throw new RulePackException(packId, List.of(new RuleProblem(folder + "/" + FRAMEWORK_FILE, 0, 0,
					"there is no " + FRAMEWORK_FILE + " in " + folder.toAbsolutePath())));
		}
		String prefix = folder.toAbsolutePath().normalize().getFileName().toString();
		String frameworkName = prefix + "/" + FRAMEWORK_FILE;
		String frameworkText = read(folder.resolve(FRAMEWORK_FILE));
		Framework framework = new FrameworkReader().read(frameworkName, frameworkText, packId);
		List<RulePack.RuleFile> packFiles = ruleFiles(folder, prefix);
		if (packFiles.isEmpty()) {
			throw new RulePackException(packId, List.of(new RuleProblem(prefix, 0, 0, "the pack has no rule files (*.drl)")));
		}
		Path baseline = this.directory.resolve(BASELINE);
		List<RulePack.RuleFile> ruleFiles = new ArrayList<>(ruleFiles(baseline, BASELINE));
		ruleFiles.addAll(packFiles);
		Map<String, RulePack.PolicyValue> values = new LinkedHashMap<>();
		List<String[]> hashed = new ArrayList<>();
		hashed.add(new String[] { frameworkName, frameworkText });
		for (Path valuesFile : List.of(baseline.resolve(VALUES_FILE), folder.resolve(VALUES_FILE))) {
			if (Files.isRegularFile(valuesFile)) {
				String name = (valuesFile.getParent().equals(baseline) ? BASELINE : prefix) + "/" + VALUES_FILE;
				String text = read(valuesFile);
				values.putAll(new PolicyValuesReader().read(name, text, packId));
				hashed.add(new String[] { name, text });
			}
		}
		ruleFiles.forEach((file) -> hashed.add(new String[] { file.name(), file.content() }));
		// a pack's staff-survey mapping (survey.yaml) decides which item a question challenges: part of its version
		if (Files.isRegularFile(folder.resolve(SURVEY_FILE))) {
			hashed.add(new String[] { prefix + "/" + SURVEY_FILE, read(folder.resolve(SURVEY_FILE)) });
		}
		return new RulePack(packId, framework, ruleFiles, values, version(hashed));
	}

	private static List<RulePack.RuleFile> ruleFiles(Path folder, String prefix) {
		List<RulePack.RuleFile> ruleFiles = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return ruleFiles;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".drl")).sorted().toList()) {
				ruleFiles.add(new RulePack.RuleFile(prefix + "/" + file.getFileName(), read(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list rule files in " + folder.toAbsolutePath(), ex);
		}
		return ruleFiles;
	}

	/** The folder holding a pack's files, for tools that read its cases. */
	public Path folder(String packId) {
		return this.directory.resolve(packId);
	}

	private static String version(List<String[]> files) {
		ContentHash.Digest digest = ContentHash.digest();
		files.forEach((file) -> update(digest, file[0], file[1]));
		return digest.hex();
	}

	private static void update(ContentHash.Digest digest, String name, String content) {
		digest.update(name).update((byte) 0).update(content.replace("\r\n", "\n")).update((byte) 0);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), ex);
		}
	}

}
