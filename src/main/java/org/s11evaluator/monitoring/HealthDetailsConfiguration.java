package org.s11evaluator.monitoring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link HealthDetailsAccess} in front of the Actuator endpoints of {@code serve}, the one command with a web server. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HealthDetailsConfiguration {

	@Bean
	FilterRegistrationBean<HealthDetailsAccess> healthDetailsAccess(MonitoringSettings settings) {
		FilterRegistrationBean<HealthDetailsAccess> registration = new FilterRegistrationBean<>(new HealthDetailsAccess(settings));
		registration.addUrlPatterns("/actuator/*");
		return registration;
	}

}
