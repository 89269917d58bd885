package org.s11evaluator.database;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run times keep their fractions of a second on MariaDB as on MySQL (issue 10): Connector/J sent whole seconds to
 * MariaDB, so two events 100 ms apart were stored at the same second.
 */
@IntegrationTest
class FractionalSecondsIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient client;

	@Test
	void twoEventsATenthOfASecondApartAreStoredApart() {
		// given a table like the job repository's and the run report's
		this.jdbc.execute("create table fraction_probe (id int primary key, at datetime(6) not null)");
		try {
			LocalDateTime first = LocalDateTime.of(2026, 12, 1, 1, 30, 0, 250_000_000);
			LocalDateTime second = first.plus(Duration.ofMillis(100));

			// when they are stored as Spring Batch stores its times (a Timestamp) and as the run report does (a LocalDateTime)
			this.jdbc.update("insert into fraction_probe (id, at) values (?, ?)", 1, Timestamp.valueOf(first));
			this.client.sql("insert into fraction_probe (id, at) values (?, ?)").params(2, second).update();

			// then they are read back as they were, 100 ms apart
			List<LocalDateTime> stored = this.jdbc.queryForList("select at from fraction_probe order by id", LocalDateTime.class);
			assertThat(stored).containsExactly(first, second);
			assertThat(Duration.between(stored.get(0), stored.get(1))).isEqualTo(Duration.ofMillis(100));
		}
		finally {
			this.jdbc.execute("drop table fraction_probe");
		}
	}

}
