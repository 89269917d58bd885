package org.s11evaluator.rules.runner;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleBudgetExceededException;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.RatingTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's end of one rule runner: sends it packs and requests, one at a time, and waits for each
 * answer no longer than the budget; a batch of returns goes in one request, and each return's answer is awaited
 * no longer than the budget of one return. Past the deadline, or when the runner dies or sends a frame it refuses, the
 * runner is stopped for good (a pool starts another when needed) and the request fails naming the pack, the
 * budget and the rule the runner last said was at work.
 */
final class RunnerClient implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RunnerClient.class);

	/** How long a runner may take to compile a pack: a cold JVM compiles a pack in a few seconds. */
	static final Duration COMPILE_BUDGET = Duration.ofSeconds(90);

	private static final JsonNode ENDED = JsonNodeFactory.instance.textNode("ended");

	private final OutputStream toRunner;

	private final Process process;

	private final Path folder;

	private final RunnerSettings settings;

	private final int maxRuleFirings;

	private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();

	/** What the runner holds: the same bounded, least-recently-used record as the runner's own ({@link RuleRunnerMain#leastRecentlyUsed}). */
	private final java.util.Map<String, Boolean> packsSent = RuleRunnerMain.leastRecentlyUsed();

	private volatile long request;

	/** Which return of the current batch the runner is at (0 outside batches): heartbeats about another are old news. */
	private volatile int index;

	private volatile String atWork = "none";

	private volatile String refused;

	private volatile boolean stopped;

	RunnerClient(InputStream fromRunner, OutputStream toRunner, Process process, Path folder, RunnerSettings settings, int maxRuleFirings) {
		this.toRunner = toRunner;
		this.process = process;
		this.folder = folder;
		this.settings = settings;
		this.maxRuleFirings = maxRuleFirings;
		Thread reader = new Thread(() -> read(fromRunner), "rule-runner-reader");
		reader.setDaemon(true);
		reader.start();
	}

	static RunnerClient start(RunnerSettings settings, int maxRuleFirings) {
		RunnerProcess.Started started = RunnerProcess.start(settings, maxRuleFirings);
		Process process = started.process();
		RunnerLog.drain(process.getErrorStream(), process.pid());
		return new RunnerClient(process.getInputStream(),
				new BufferedOutputStream(process.getOutputStream(), 64 * 1024), process, started.folder(), settings, maxRuleFirings);
	}

	boolean alive() {
		return !this.stopped && (this.process == null || this.process.isAlive());
	}

	/** The process id of the runner, for tests that look at it from outside. */
	long pid() {
		return this.process.pid();
	}

	EvaluationOutcome evaluate(RulePackCompiler.CompiledPack compiled, SubmissionFacts facts) {
		return outcome(compiled, Map.of("type", "evaluate", "pack", send(compiled.pack()), "facts", facts));
	}

	/**
	 * Evaluates a batch of returns in one round trip, each within its own budgets: an attempt per return, in order.
	 * A return that goes past its time or memory budget, or on which the runner dies or sends a frame it refuses, stops
	 * the runner (as a single request would): that return's attempt says why, naming the pack, the budget and the rule,
	 * and the list ends there (the returns after it were not evaluated). A return past its firings budget is that
	 * return's failure alone: the runner goes on with the rest.
	 */
	List<RuleEngine.Attempt> evaluateAll(RulePackCompiler.CompiledPack compiled, List<SubmissionFacts> facts) {
		RulePack pack = compiled.pack();
		List<RuleEngine.Attempt> attempts = new java.util.ArrayList<>(facts.size());
		if (facts.isEmpty()) {
			return attempts;
		}
		long n;
		try {
			String key = send(pack);
			n = begin(Map.of("type", "evaluateAll", "pack", key, "facts", facts), pack);
			// the runner says when it has read the batch: the returns' own budgets start then
			JsonNode started = await(n, -1, COMPILE_BUDGET, pack, "took longer than " + COMPILE_BUDGET.toSeconds()
					+ " s to take in a batch of " + facts.size() + " returns and was stopped");
			if (!"started".equals(started.path("type").asText())) {
				throw refuse("an answer of type " + LogText.escape(started.path("type").asText()) + " to a batch before it started");
			}
		}
		catch (RuntimeException ex) {
			attempts.add(new RuleEngine.Attempt(null, ex));
			return attempts;
		}
		String overBudget = "ran past its time budget of " + this.settings.timeoutText()
				+ " per return (s11.rules.runner.per-return-timeout) and was stopped";
		for (int i = 0; i < facts.size(); i++) {
			this.index = i;
			this.atWork = "none";
			try {
				JsonNode answer = await(n, i, this.settings.perReturnTimeout(), pack, overBudget);
				attempts.add(new RuleEngine.Attempt(outcome(compiled, answer), null));
			}
			catch (RuleBudgetExceededException ex) {
				attempts.add(new RuleEngine.Attempt(null, ex));
				if (!alive()) {
					return attempts;
				}
			}
			catch (RuntimeException ex) {
				attempts.add(new RuleEngine.Attempt(null, ex));
				if (!alive()) {
					return attempts;
				}
			}
		}
		return attempts;
	}

	EvaluationOutcome ratePartnership(RulePackCompiler.CompiledPack compiled, List<RatingTally> tallies) {
		return outcome(compiled, Map.of("type", "rate", "pack", send(compiled.pack()), "tallies", tallies));
	}

	/** Gives the runner the pack once per version; it compiles it with the same compiler and checks. */
	private String send(RulePack pack) {
		String key = RuleRunnerMain.key(pack);
		if (this.packsSent.get(key) == null) { // a get, so that it counts as a use, as the runner's does
			JsonNode answer = call(Map.of("type", "pack", "pack", pack), COMPILE_BUDGET, pack,
					"took longer than " + COMPILE_BUDGET.toSeconds() + " s to compile in the rule runner and was stopped");
			if (!"compiled".equals(answer.path("type").asText())) {
				throw new IllegalStateException("the rule runner could not compile rule pack " + pack.id() + ": "
						+ LogText.escape(answer.path("message").asText("no reason given")));
			}
			this.packsSent.put(key, Boolean.TRUE);
		}
		return key;
	}

	private EvaluationOutcome outcome(RulePackCompiler.CompiledPack compiled, Map<String, Object> request) {
		JsonNode answer = call(request, this.settings.perReturnTimeout(), compiled.pack(), "ran past its time budget of "
				+ this.settings.timeoutText() + " per return (s11.rules.runner.per-return-timeout) and was stopped");
		return outcome(compiled, answer);
	}

	/** The outcome an answer carries, or the failure it reports. */
	private EvaluationOutcome outcome(RulePackCompiler.CompiledPack compiled, JsonNode answer) {
		RulePack pack = compiled.pack();
		String type = answer.path("type").asText();
		if (type.equals("outcome")) {
			try {
				return new EvaluationOutcome(pack.id(), pack.version(), OutcomeJson.read(answer.path("outcomes")));
			}
			catch (Frames.BadFrameException ex) {
				throw refuse(ex.getMessage());
			}
		}
		if (type.equals("failed") && "firings".equals(answer.path("budget").asText())) {
			throw new RuleBudgetExceededException(pack, RuleEngine.firingBudgetBreach(this.maxRuleFirings), rule(answer.path("rule").asText("none")));
		}
		if (type.equals("failed")) {
			throw new IllegalStateException(LogText.escape(answer.path("message").asText("the rules failed")));
		}
		throw refuse("an answer of unknown type " + LogText.escape(type));
	}

	/** Sends a request and waits for its answer, at most {@code budget}; past it the runner is stopped. */
	private JsonNode call(Map<String, Object> request, Duration budget, RulePack pack, String overBudget) {
		this.index = 0;
		return await(begin(request, pack), -1, budget, pack, overBudget);
	}

	/** Sends a request; returns its number. */
	private long begin(Map<String, Object> request, RulePack pack) {
		if (!alive()) {
			throw new IllegalStateException("the rule runner has stopped");
		}
		long n = ++this.request;
		this.atWork = "none";
		Map<String, Object> frame = new LinkedHashMap<>(request);
		frame.put("n", n);
		try {
			Frames.write(this.toRunner, frame);
		}
		catch (IOException ex) {
			ended(pack, "could not be sent the request (" + ex.getMessage() + ")");
		}
		return n;
	}

	/**
	 * Waits for the answer to request {@code n} (return {@code i} of a batch; -1 for a single request), at most
	 * {@code budget}; past it the runner is stopped.
	 */
	private JsonNode await(long n, int i, Duration budget, RulePack pack, String overBudget) {
		long deadline = System.nanoTime() + budget.toNanos();
		while (true) {
			JsonNode answer;
			try {
				answer = this.answers.poll(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new IllegalStateException("interrupted while the rules ran; the rule runner was stopped", ex);
			}
			if (answer == null) {
				String rule = this.atWork;
				close();
				throw new RuleBudgetExceededException(pack, overBudget, rule);
			}
			if (answer == ENDED) {
				return ended(pack, null);
			}
			if (answer.path("n").asLong() == n && (i < 0 || answer.path("i").asInt(-1) == i)) {
				return answer;
			}
		}
	}

	/** The runner ended (or refused to listen) before answering: out of memory, killed, or it sent a bad frame. */
	private JsonNode ended(RulePack pack, String why) {
		String rule = this.atWork;
		// a JVM out of memory says so on standard output as it ends, which is not a frame: its exit code tells
		Integer exit = exitCode((this.refused != null) ? 2 : 5);
		close();
		if (this.refused != null && (exit == null || exit != RunnerProcess.OUT_OF_MEMORY_EXIT)) {
			log.error("A rule runner sent {}: it was stopped and is not trusted again", this.refused);
			throw new IllegalStateException("the rule runner's answer was refused (" + this.refused + "); the runner was stopped");
		}
		if (exit != null && exit == RunnerProcess.OUT_OF_MEMORY_EXIT) {
			throw new RuleBudgetExceededException(pack, "ran out of its memory budget of " + this.settings.memoryMegabytes()
					+ " MB (s11.rules.runner.memory)", rule);
		}
		throw new RuleBudgetExceededException(pack, "stopped the rule runner, which ended "
				+ ((exit != null) ? "with exit code " + exit : "without a word") + ((why != null) ? " and " + why : ""), rule);
	}

	private Integer exitCode(int waitSeconds) {
		if (this.process == null) {
			return null;
		}
		try {
			return this.process.waitFor(waitSeconds, TimeUnit.SECONDS) ? this.process.exitValue() : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private IllegalStateException refuse(String why) {
		close();
		log.error("A rule runner sent a frame that was refused ({}); it was stopped", why);
		return new IllegalStateException("the rule runner's answer was refused (" + why + "); the runner was stopped");
	}

	private static String rule(String name) {
		return LogText.escape((name.length() > 255) ? name.substring(0, 255) : name);
	}

	/** Reads the runner's frames: heartbeats say which rule is at work, everything else is an answer. */
	private void read(InputStream fromRunner) {
		try {
			Frames.Reader frames = new Frames.Reader(fromRunner, Frames.MAX_FROM_RUNNER);
			JsonNode frame;
			while ((frame = frames.next()) != null) {
				if (frame.path("type").asText().equals("heartbeat")) {
					if (frame.path("n").asLong() == this.request && frame.path("i").asInt(0) == this.index && frame.path("rule").isTextual()) {
						this.atWork = rule(frame.path("rule").asText());
					}
				}
				else {
					this.answers.add(frame);
				}
			}
		}
		catch (Frames.BadFrameException ex) {
			this.refused = LogText.escape(ex.getMessage());
		}
		catch (IOException ex) {
			// the runner ended (or was stopped) mid-frame
		}
		finally {
			this.answers.add(ENDED);
		}
	}

	/** Stops the runner now; it was not asked to finish what it was doing. */
	@Override
	public void close() {
		this.stopped = true;
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			this.toRunner.close();
		}
		catch (IOException ex) {
			// already gone
		}
		RunnerProcess.deleteFolder(this.folder);
	}

}
