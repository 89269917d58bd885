package org.s11evaluator.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application against the real test database ({@link TestDatabase}), with the schema
 * migrated by Flyway from empty once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestDatabaseConfiguration.class)
public @interface IntegrationTest {

}
