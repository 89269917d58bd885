package org.s11evaluator.rules;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemIdsTests {

	@Test
	void ordersIdsTheWayPeopleReadThem() {
		List<String> sorted = Stream.of("10.1", "2.10", "2.9", "2", "1.1", "9", "2.3.1", "A.2", "A.10", "1234567")
			.sorted(Comparator.comparing(ItemIds::sortKey))
			.toList();

		assertThat(sorted).containsExactly("1.1", "2", "2.3.1", "2.9", "2.10", "9", "10.1", "1234567", "A.2", "A.10");
	}

	@Test
	void leadingZerosDoNotChangeTheOrder() {
		assertThat(ItemIds.sortKey("02.1")).isEqualTo(ItemIds.sortKey("2.1"));
		assertThat(ItemIds.sortKey(null)).isEmpty();
	}

}
