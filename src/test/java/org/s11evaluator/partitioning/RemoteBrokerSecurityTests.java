package org.s11evaluator.partitioning;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Remote partitioning takes a broker only over TLS and with a login, unless a local test says otherwise out loud. */
@ExtendWith(OutputCaptureExtension.class)
class RemoteBrokerSecurityTests {

	@Test
	void aBrokerOverTlsWithALoginIsAccepted() {
		assertThatNoException().isThrownBy(() -> RemoteBrokerSecurity.check(settings("tcp://broker.example.org:61617?sslEnabled=true", "s11", "pw", false)));
		assertThatNoException().isThrownBy(() -> RemoteBrokerSecurity
			.check(settings("(tcp://broker-a:61617,tcp://broker-b:61617)?sslEnabled=true;trustStorePath=/etc/s11/brokers.p12", "s11", "pw", false)));
	}

	@Test
	void aBrokerWithoutTlsIsRefusedSayingWhatToWrite() {
		assertThatIllegalStateException().isThrownBy(() -> RemoteBrokerSecurity.check(settings("tcp://broker.example.org:61616", "s11", "pw", false)))
			.withMessageStartingWith("Remote partitioning refuses an unprotected broker: broker-url tcp://broker.example.org:61616 does not use TLS")
			.withMessageContaining("?sslEnabled=true")
			.withMessageNotContaining("no broker login");
	}

	@Test
	void aBrokerWithoutALoginIsRefusedNamingTheVariables() {
		assertThatIllegalStateException().isThrownBy(() -> RemoteBrokerSecurity.check(settings("tcp://b:61617?sslEnabled=true", "s11", null, false)))
			.withMessageContaining("no broker login: set the environment variables S11_EVALUATION_REMOTE_BROKER_USER and "
					+ "S11_EVALUATION_REMOTE_BROKER_PASSWORD")
			.withMessageNotContaining("does not use TLS");
		assertThatIllegalStateException().isThrownBy(() -> RemoteBrokerSecurity.check(settings("tcp://b:61617?sslEnabled=true", " ", "pw", false)));
	}

	@Test
	void tlsOffOnAnyBrokerOfAListOrAnInVmOrDiscoveryUrlIsNotTls() {
		for (String url : new String[] { "tcp://b:61617?sslEnabled=false", "tcp://b:61617?sslenabled=true", "vm://0",
				"udp://231.7.7.7:9876", "(tcp://a:61617,tcp://b:61617)" }) {
			assertThat(RemoteBrokerSecurity.problems(settings(url, "s11", "pw", false))).as(url).singleElement().asString().contains("does not use TLS");
		}
	}

	@Test
	void theLocalTestSwitchLetsAnUnprotectedBrokerThroughWithAWarning(CapturedOutput output) {
		assertThatNoException().isThrownBy(() -> RemoteBrokerSecurity.check(settings("tcp://127.0.0.1:61616", null, null, true)));

		assertThat(output).contains("WARN", "INSECURE: remote partitioning is set for a local test only (insecure-local-test: true",
				"does not use TLS", "no broker login");
	}

	private static RemoteEvaluationSettings settings(String url, String user, String password, boolean insecureLocalTest) {
		return new RemoteEvaluationSettings(true, url, user, password, "s11.evaluation.partnerships", Duration.ofSeconds(5), Duration.ofHours(6),
				insecureLocalTest);
	}

}
