package org.s11evaluator.monitoring;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see health's details (each component, the last run, its failure, the database): a caller on this machine
 * (the loopback), or one that sends {@code Authorization: Bearer <token>} with the token of
 * {@code S11_MONITORING_TOKEN}. Anyone else who reaches the port gets the status alone, {@code UP} or {@code DOWN},
 * with its HTTP code, which is all a load balancer needs.
 * <p>
 * Spring Boot shows details {@code when-authorized} (application.yml) to a request that has a principal; there is no
 * Spring Security here, so this filter gives the request one when the caller qualifies, and nothing otherwise.
 */
final class HealthDetailsAccess extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	HealthDetailsAccess(MonitoringSettings settings) {
		this.token = (settings.token() != null) ? settings.token().getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Principal caller = caller(request);
		chain.doFilter((caller != null) ? new Authorised(request, caller) : request, response);
	}

	/** The caller, if it may see details: on the loopback, or with the token; else null. */
	Principal caller(HttpServletRequest request) {
		if (loopback(request.getRemoteAddr())) {
			return () -> "this machine";
		}
		String authorization = request.getHeader("Authorization");
		if (this.token != null && authorization != null && authorization.startsWith(BEARER)
				&& MessageDigest.isEqual(this.token, authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
			return () -> "monitoring token";
		}
		return null;
	}

	private static boolean loopback(String address) {
		try {
			// the container gives the peer's address as an IP literal: no name is looked up
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static final class Authorised extends HttpServletRequestWrapper {

		private final Principal caller;

		Authorised(HttpServletRequest request, Principal caller) {
			super(request);
			this.caller = caller;
		}

		@Override
		public Principal getUserPrincipal() {
			return this.caller;
		}

	}

}
