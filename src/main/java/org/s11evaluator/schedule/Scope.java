package org.s11evaluator.schedule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.s11evaluator.cycle.RunScope;

/** What a scheduled run covers: {@code *}, a cycle id, or {@code partnerships:} and ids ({@link RunScope}). */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Scope.Validator.class)
@interface Scope {

	String message() default "must be \"*\" (every open cycle), a cycle id, or \"partnerships:\" and partnership ids separated by commas";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the scope the way the run will read it, and says what is wrong in the run's own words. */
	class Validator implements ConstraintValidator<Scope, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String problem = RunScope.problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{")).addConstraintViolation();
			return false;
		}

	}

}
