package org.tally.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full Tally on a random port against the real PostgreSQL the {@link TestDatabase}
 * picks (not the one {@code spring-boot:run} would find). Every integration test uses
 * this one wiring, so they share one context. Test constructors and methods may ask for a
 * {@link TallyApi} bound to the server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tally.database.discover=false")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ExtendWith(TallyApiResolver.class)
public @interface TallyIntegrationTest {

}
