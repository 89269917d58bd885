package org.s11evaluator.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap during a phase: the most it held (garbage included) and the most that was still in use
 * right after a collection (the live data, which is what must not grow with the number of returns).
 */
final class HeapWatch implements AutoCloseable {

	private final AtomicLong peakLive = new AtomicLong();

	private final List<Runnable> unsubscribe = new ArrayList<>();

	HeapWatch() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
		NotificationListener listener = this::afterCollection;
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
	}

	private void afterCollection(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
		long live = 0;
		for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
			if (isHeap(pool.getKey())) {
				live += pool.getValue().getUsed();
			}
		}
		long seen = live;
		this.peakLive.accumulateAndGet(seen, Math::max);
	}

	private static boolean isHeap(String poolName) {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.anyMatch((pool) -> pool.getName().equals(poolName) && pool.getType() == MemoryType.HEAP);
	}

	/** The most heap in use at any moment, garbage included, since the watch began. */
	long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

	/** The most heap still in use right after a collection since the watch began. */
	long peakLive() {
		return this.peakLive.get();
	}

	@Override
	public void close() {
		this.unsubscribe.forEach(Runnable::run);
	}

}
