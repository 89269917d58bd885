package org.s11evaluator.monitoring;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees health's details: this machine, or a caller with the monitoring token; nobody else. */
class HealthDetailsAccessTests {

	private static final String TOKEN = "3f9c0a7e5b2d48c1a6e0f4b8d2c7a915";

	private final HealthDetailsAccess access = new HealthDetailsAccess(new MonitoringSettings(8081, "0.0.0.0", Duration.ofDays(2), TOKEN));

	@Test
	void aCallerOnThisMachineSeesDetails() {
		assertThat(this.access.caller(from("127.0.0.1"))).isNotNull();
		assertThat(this.access.caller(from("127.0.0.53"))).isNotNull();
		assertThat(this.access.caller(from("0:0:0:0:0:0:0:1"))).isNotNull();
	}

	@Test
	void aCallerFromAnotherMachineSeesDetailsOnlyWithTheToken() {
		assertThat(this.access.caller(from("203.0.113.7"))).isNull();
		assertThat(this.access.caller(from("203.0.113.7", "Bearer " + TOKEN))).isNotNull();
		assertThat(this.access.caller(from("203.0.113.7", "Bearer " + TOKEN.substring(1)))).isNull();
		assertThat(this.access.caller(from("203.0.113.7", "Basic " + TOKEN))).isNull();
		assertThat(this.access.caller(from("192.0.2.2", "Bearer"))).isNull();
	}

	@Test
	void withoutATokenConfiguredNoBearerOpensTheDetails() {
		HealthDetailsAccess withoutToken = new HealthDetailsAccess(new MonitoringSettings(8081, "0.0.0.0", Duration.ofDays(2), null));

		assertThat(withoutToken.caller(from("203.0.113.7", "Bearer "))).isNull();
		assertThat(withoutToken.caller(from("203.0.113.7", "Bearer null"))).isNull();
	}

	private static MockHttpServletRequest from(String address, String... authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
		request.setRemoteAddr(address);
		if (authorization.length > 0) {
			request.addHeader("Authorization", authorization[0]);
		}
		return request;
	}

}
