package org.s11evaluator.rules.runner;

import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Rule runners for the threads that evaluate: a thread takes an idle runner (or starts one, lazily, while fewer than
 * {@code processes} are busy; otherwise it waits for one to be given back), uses it for one request, and gives it
 * back, so each request still has its runner to itself and a budget breach stops only that request's runner. A
 * runner that was stopped (past its deadline, out of memory) is dropped and the next request starts a fresh one. A
 * runner idle for {@link #IDLE_TIMEOUT} is stopped (a service idles most of the day; each runner is a JVM). Closing
 * the pool stops every runner; so does the end of this JVM.
 */
final class RunnerPool implements AutoCloseable {

	static final int MAX_IDLE = 16;

	static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(60);

	private final java.util.Map<RunnerClient, Long> idleSince = new ConcurrentHashMap<>();

	private final Supplier<RunnerClient> starter;

	private final Deque<RunnerClient> idle = new ConcurrentLinkedDeque<>();

	private final Set<RunnerClient> all = ConcurrentHashMap.newKeySet();

	private final Thread shutdownHook = new Thread(this::stopAll, "rule-runner-shutdown");

	private volatile boolean closed;

	/** A permit per runner that may be busy at once: a thread that finds every runner busy waits for one. */
	private final Semaphore busy;

	RunnerPool(Supplier<RunnerClient> starter, int processes) {
		this.starter = starter;
		this.busy = new Semaphore(processes, true);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		Thread reaper = new Thread(this::stopIdleRunners, "rule-runner-reaper");
		reaper.setDaemon(true);
		reaper.start();
	}

	private void stopIdleRunners() {
		while (!this.closed) {
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				return;
			}
			long now = System.nanoTime();
			for (RunnerClient runner : this.idle) {
				Long since = this.idleSince.get(runner);
				if (since != null && now - since > IDLE_TIMEOUT.toNanos() && this.idle.remove(runner)) {
					this.idleSince.remove(runner);
					drop(runner);
				}
			}
		}
	}

	<T> T with(Function<RunnerClient, T> work) {
		this.busy.acquireUninterruptibly();
		try {
			RunnerClient runner = take();
			try {
				return work.apply(runner);
			}
			finally {
				giveBack(runner);
			}
		}
		finally {
			this.busy.release();
		}
	}

	private RunnerClient take() {
		if (this.closed) {
			throw new IllegalStateException("the rule runners have been shut down");
		}
		RunnerClient runner;
		while ((runner = this.idle.pollFirst()) != null) {
			this.idleSince.remove(runner);
			if (runner.alive()) {
				return runner;
			}
			drop(runner);
		}
		runner = this.starter.get();
		this.all.add(runner);
		return runner;
	}

	private void giveBack(RunnerClient runner) {
		if (this.closed || !runner.alive() || this.idle.size() >= MAX_IDLE) {
			drop(runner);
		}
		else {
			this.idleSince.put(runner, System.nanoTime());
			this.idle.addFirst(runner);
		}
	}

	private void drop(RunnerClient runner) {
		this.all.remove(runner);
		runner.close();
	}

	/** Runners started and not yet stopped, busy or idle. */
	int size() {
		return this.all.size();
	}

	@Override
	public void close() {
		stopAll();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down
		}
	}

	private void stopAll() {
		this.closed = true;
		this.all.forEach(RunnerClient::close);
		this.all.clear();
		this.idle.clear();
		this.idleSince.clear();
	}

}
