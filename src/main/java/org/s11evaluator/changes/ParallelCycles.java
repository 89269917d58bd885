package org.s11evaluator.changes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Does the same work for each changed cycle on several threads (the rating and summary steps): a cycle
 * whose work fails does not stop the others; the failures come back, by cycle id, for the step to report.
 */
public final class ParallelCycles {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ParallelCycles.class);

	private static final long REPORT_EVERY_NANOS = java.time.Duration.ofSeconds(5).toNanos();

	private ParallelCycles() {
	}

	/** Runs the work for every cycle; {@code what} names it in the progress shown every few seconds. */
	public static Map<String, RuntimeException> forEach(String what, List<ChangedCycles.Changed> cycles, int threads,
			Consumer<ChangedCycles.Changed> work) {
		Map<String, RuntimeException> failed = new ConcurrentSkipListMap<>();
		AtomicInteger done = new AtomicInteger();
		AtomicLong lastReport = new AtomicLong(System.nanoTime());
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, cycles.size())));
		try {
			List<Future<?>> futures = cycles.stream().<Future<?>>map((cycle) -> pool.submit(() -> {
				try {
					work.accept(cycle);
				}
				catch (RuntimeException ex) {
					failed.put(cycle.cycle().id(), ex);
				}
				int finished = done.incrementAndGet();
				long now = System.nanoTime();
				long last = lastReport.get();
				if (now - last > REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
					double perCycle = (now - started) / 1e9 / finished;
					log.info("{}: {}/{} cycles done, about {} s left", what, finished, cycles.size(),
							Math.round(perCycle * (cycles.size() - finished)));
				}
			})).toList();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while working on the cycles", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return failed;
	}

}
