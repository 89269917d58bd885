package org.s11evaluator.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.scheduling.support.CronExpression;

/** A Spring cron expression: six fields, second minute hour day month weekday. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Cron.Validator.class)
@interface Cron {

	String message() default "must be a cron expression of six fields (second minute hour day month weekday), such as \"0 30 1 * * *\"";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the expression the way the scheduler will read it. */
	class Validator implements ConstraintValidator<Cron, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value != null && CronExpression.isValidExpression(value);
		}

	}

}
