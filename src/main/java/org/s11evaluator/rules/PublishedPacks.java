package org.s11evaluator.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.s11evaluator.files.ContentHash;
import org.springframework.stereotype.Component;

/**
 * The gate between the rules folder and a run: a pack is used only if it compiles, passes the checks of
 * {@code rules check} (ids the rules name, policy values they read) and every case beside its rules. The verdict is kept per content of the pack and its cases, so the cases run once per
 * edit, not once per run or per submission.
 */
@Component
public class PublishedPacks {

	private final RulePacks packs;

	private final RulePackCompiler compiler;

	private final RuleCases cases;

	/** Verdicts by pack content, bounded like the compiled packs they hold (the least recently used go first). */
	private final com.github.benmanes.caffeine.cache.Cache<String, Object> verdicts = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
		.maximumSize(RulePackCompiler.CACHED_PACKS)
		.build();

	public PublishedPacks(RulePacks packs, RulePackCompiler compiler, RuleCases cases) {
		this.packs = packs;
		this.compiler = compiler;
		this.cases = cases;
	}

	/** The pack as it is now in the rules folder, if it may be used; else {@link RulePackException} saying why. */
	public RulePackCompiler.CompiledPack usable(String packId) {
		RulePack pack = this.packs.load(packId);
		String key = pack.id() + "@" + pack.version() + "+" + casesFingerprint(packId);
		Object verdict = this.verdicts.get(key, (k) -> judge(pack));
		if (verdict instanceof RulePackException broken) {
			throw broken;
		}
		return (RulePackCompiler.CompiledPack) verdict;
	}

	private Object judge(RulePack pack) {
		try {
			RulePackCompiler.CompiledPack compiled = this.compiler.compile(pack);
			List<RuleProblem> failures = new ArrayList<>(RulePackCheck.contentProblems(pack));
			for (RuleCaseResult result : this.cases.run(pack, this.packs.folder(pack.id()))) {
				if (result.budgetExceeded() != null) {
					// a pack that goes past its budget on its own cases would do so on returns: say which budget and rule
					return result.budgetExceeded();
				}
				if (!result.passed()) {
					failures.add(new RuleProblem(result.file(), 0, 0, "case \"" + result.name() + "\" fails: "
							+ result.failures().get(0).lines().findFirst().orElse("")));
				}
			}
			if (!failures.isEmpty()) {
				return new RulePackException(pack.id(), failures);
			}
			return compiled;
		}
		catch (RulePackException ex) {
			return ex;
		}
	}

	private String casesFingerprint(String packId) {
		try (Stream<Path> files = Files.list(this.packs.folder(packId))) {
			ContentHash.Digest digest = ContentHash.digest();
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".cases.yaml")).sorted().toList()) {
				digest.update(file.getFileName().toString()).update(Files.readAllBytes(file));
			}
			return digest.hex().substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
