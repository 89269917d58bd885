package org.s11evaluator.rules.runner;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleBudgetExceededException;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.RatingTally;

/**
 * The rule-runner process: a plain Java main, no Spring, no database, no credentials. It reads requests from
 * standard input, one JSON frame per line: {@code pack} (compile a pack with the same compiler and checks as
 * the application, kept by its version), {@code evaluate} (one return's facts), {@code evaluateAll} (a batch of
 * returns' facts, answered with one frame per return, in order, each as soon as it is done, so that the application
 * holds every return to its own time budget) and {@code rate} (a cycle's tallies); and answers each on standard
 * output, with a heartbeat naming the rule at work (and which return of a batch) every {@value #HEARTBEAT_MILLIS} ms
 * while it works. It ends when its standard input closes.
 */
public final class RuleRunnerMain {

	static final long HEARTBEAT_MILLIS = 150;

	private final OutputStream out;

	private final RuleWatch watch = new RuleWatch();

	private final WatchedRuleEngine engine;

	private final RulePackCompiler compiler = new RulePackCompiler();

	/**
	 * The packs compiled in this runner, the least recently used going first past {@link #CACHED_PACKS}. The client
	 * keeps the same bounded record of what it sent ({@link RunnerClient}), touched in the same order by the same
	 * requests, so it sends a pack again exactly when the runner has let it go.
	 */
	private final Map<String, RulePackCompiler.CompiledPack> packs = leastRecentlyUsed();

	/** How many compiled packs a runner keeps. */
	static final int CACHED_PACKS = 8;

	static <V> Map<String, V> leastRecentlyUsed() {
		return new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > CACHED_PACKS;
			}
		};
	}

	private final ObjectReader fromApplication = Frames.JSON.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private volatile boolean working;

	private volatile long request;

	/** Which return of a batch is at work (0 outside batches). */
	private volatile int index;

	private RuleRunnerMain(OutputStream out, int maxRuleFirings) {
		this.out = out;
		this.engine = new WatchedRuleEngine(new RulesSettings(Path.of("."), maxRuleFirings), this.watch);
	}

	public static void main(String[] args) throws Exception {
		// standard output carries frames only: anything else printed goes to standard error, drained to the log
		OutputStream frames = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
		System.setOut(System.err);
		quietLogging();
		RuleRunnerMain runner = new RuleRunnerMain(frames, Integer.parseInt(args[0]));
		runner.heartbeat();
		runner.serve(new FileInputStream(FileDescriptor.in)); // read a buffer at a time by Frames.Reader
		System.exit(0);
	}

	private void serve(InputStream in) throws Exception {
		Frames.Reader frames = new Frames.Reader(in, Frames.MAX_TO_RUNNER);
		JsonNode request;
		while ((request = frames.next()) != null) {
			this.request = request.path("n").asLong();
			this.index = 0;
			if (request.path("type").asText().equals("evaluateAll")) {
				evaluateAll(request);
				continue;
			}
			JsonNode single = request;
			Map<String, Object> answer = attempt(() -> answer(single));
			answer.put("n", this.request);
			Frames.write(this.out, answer);
		}
	}

	/** Answers a batch: one frame per return, in order, each written as soon as that return is done. */
	private void evaluateAll(JsonNode request) throws Exception {
		JsonNode facts = request.path("facts");
		if (!facts.isArray()) {
			Map<String, Object> answer = failed("a batch without a list of facts");
			answer.put("n", this.request);
			answer.put("i", 0);
			Frames.write(this.out, answer);
			return;
		}
		// taken in: each return's time budget starts now, not while the whole batch was sent and read
		Frames.write(this.out, Map.of("type", "started", "n", this.request, "count", facts.size()));
		for (int i = 0; i < facts.size(); i++) {
			this.index = i;
			JsonNode one = facts.get(i);
			Map<String, Object> answer = attempt(() -> outcome(this.engine.evaluate(pack(request), this.fromApplication.treeToValue(one,
					SubmissionFacts.class))));
			((com.fasterxml.jackson.databind.node.ArrayNode) facts).set(i, com.fasterxml.jackson.databind.node.NullNode.instance); // done with it
			answer.put("n", this.request);
			answer.put("i", i);
			Frames.write(this.out, answer);
		}
	}

	private interface Work {

		Map<String, Object> run() throws Exception;

	}

	/** Does one piece of work under watch; its answer, or the failure to report. */
	private Map<String, Object> attempt(Work work) {
		this.working = true;
		try {
			return work.run();
		}
		catch (RuleBudgetExceededException ex) {
			return new LinkedHashMap<>(Map.of("type", "failed", "budget", "firings", "rule", ex.rule(), "message", String.valueOf(ex.getMessage())));
		}
		catch (StackOverflowError ex) {
			return failed("a rule went too deep (a recursive query or function?): the stack overflowed");
		}
		catch (Exception | LinkageError | AssertionError ex) {
			return failed(ex.getMessage());
		}
		finally {
			this.working = false;
			this.watch.done();
		}
	}

	private Map<String, Object> answer(JsonNode request) throws Exception {
		return switch (request.path("type").asText()) {
			case "pack" -> {
				RulePack pack = this.fromApplication.treeToValue(request.get("pack"), RulePack.class);
				this.packs.put(key(pack), this.compiler.compile(pack));
				yield new LinkedHashMap<>(Map.of("type", "compiled"));
			}
			case "evaluate" -> outcome(this.engine.evaluate(pack(request), this.fromApplication.treeToValue(request.get("facts"), SubmissionFacts.class)));
			case "rate" -> {
				List<RatingTally> tallies = new ArrayList<>();
				for (JsonNode tally : request.path("tallies")) {
					tallies.add(this.fromApplication.treeToValue(tally, RatingTally.class));
				}
				yield outcome(this.engine.ratePartnership(pack(request), tallies));
			}
			default -> failed("unknown request " + request.path("type").asText());
		};
	}

	private RulePackCompiler.CompiledPack pack(JsonNode request) {
		RulePackCompiler.CompiledPack pack = this.packs.get(request.path("pack").asText());
		if (pack == null) {
			throw new IllegalStateException("the rule runner was not given pack " + request.path("pack").asText());
		}
		return pack;
	}

	static String key(RulePack pack) {
		return pack.id() + "@" + pack.version();
	}

	private static Map<String, Object> outcome(EvaluationOutcome outcome) {
		return new LinkedHashMap<>(Map.of("type", "outcome", "outcomes", outcome.outcomes().stream().map(OutcomeJson::write).toList()));
	}

	private static Map<String, Object> failed(String message) {
		return new LinkedHashMap<>(Map.of("type", "failed", "message", (message != null) ? message : "the rules failed"));
	}

	/** While a request is worked on, says which rule is at work, so a stuck rule can be named. */
	private void heartbeat() {
		Thread beat = new Thread(() -> {
			while (true) {
				try {
					Thread.sleep(HEARTBEAT_MILLIS);
					if (this.working) {
						String[] atWork = this.watch.atWork();
						Frames.write(this.out, Map.of("type", "heartbeat", "n", this.request, "i", this.index, "rule", atWork[0], "doing", atWork[1]));
					}
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (Exception ex) {
					// the application went away: the main loop sees its input end
				}
			}
		}, "rule-runner-heartbeat");
		beat.setDaemon(true);
		beat.start();
	}

	private static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
			context.getLogger("org.drools.compiler.kie.builder.impl.KieProject").setLevel(ch.qos.logback.classic.Level.OFF);
			context.getLogger("org.drools.mvel.MVELConstraint").setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

}
