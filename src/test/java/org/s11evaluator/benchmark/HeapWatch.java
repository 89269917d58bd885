package org.s11evaluator.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the heap during a phase: the most it held at any moment (garbage included, sampled every 20 ms),
 * and what it still holds once everything unreachable is collected. With returns streamed a page at a time
 * neither grows with the number of returns: run the benchmark with a small {@code -Xmx} to see.
 */
final class HeapWatch implements AutoCloseable {

	private final AtomicLong peakHeap = new AtomicLong();

	private final Thread sampler = new Thread(() -> {
		while (!Thread.currentThread().isInterrupted()) {
			this.peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}, "heap-watch");

	HeapWatch() {
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/** The most heap in use at any moment since the watch began, garbage included. */
	long peakHeap() {
		return this.peakHeap.get();
	}

	/** What the heap holds once everything unreachable is collected: data a run kept would show here. */
	long retainedAfterFullCollection() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Override
	public void close() {
		this.sampler.interrupt();
	}

}
