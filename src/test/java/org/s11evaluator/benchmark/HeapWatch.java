package org.s11evaluator.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap during a phase: the most it held at any moment (garbage included, sampled every 20 ms), the most
 * it still held right after a collection (what was live, near enough: the collector's own figure after each
 * collection), and what it still holds once everything unreachable is collected at the end. With returns streamed a
 * page at a time none of them grows with the number of returns: run the benchmark with a small {@code -Xmx} to see.
 * The first depends on when the collector chooses to run (it lets garbage build up to what the heap allows); the
 * second is what the work itself needs.
 */
final class HeapWatch implements AutoCloseable {

	private final AtomicLong peakHeap = new AtomicLong();

	private final AtomicLong peakAfterCollection = new AtomicLong();

	private final List<Runnable> unsubscribe = new ArrayList<>();

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
		NotificationListener listener = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
				long after = 0;
				for (java.util.Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
					if (heapPool(pool.getKey())) {
						after += pool.getValue().getUsed();
					}
				}
				this.peakAfterCollection.accumulateAndGet(after, Math::max);
			}
		};
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(listener, null, null);
				this.unsubscribe.add(() -> {
					try {
						emitter.removeNotificationListener(listener);
					}
					catch (javax.management.ListenerNotFoundException ex) {
						// already gone
					}
				});
			}
		}
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private static boolean heapPool(String name) {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.anyMatch((pool) -> pool.getName().equals(name) && pool.getType() == java.lang.management.MemoryType.HEAP);
	}

	/** The most heap in use at any moment since the watch began, garbage included. */
	long peakHeap() {
		return this.peakHeap.get();
	}

	/** The most heap still in use right after a collection since the watch began: what the work kept live, near enough. */
	long peakAfterCollection() {
		return this.peakAfterCollection.get();
	}

	/** What the heap holds once everything unreachable is collected: data a run kept would show here. */
	long retainedAfterFullCollection() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Override
	public void close() {
		this.sampler.interrupt();
		this.unsubscribe.forEach(Runnable::run);
	}

}
