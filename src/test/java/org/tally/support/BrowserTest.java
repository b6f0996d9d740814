package org.tally.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link TallyIntegrationTest} that drives Chromium through {@link Browser}: it runs
 * where {@link Chromium#find()} finds one, is skipped with one loud line where not, and
 * fails instead of skipping when {@code TALLY_BROWSER_TESTS=required} (CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(Chromium.Condition.class)
@TallyIntegrationTest
public @interface BrowserTest {

}
