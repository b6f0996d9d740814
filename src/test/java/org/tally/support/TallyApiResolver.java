package org.tally.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a {@link TallyApi} bound to the running server's port to any test constructor or
 * method that asks for one.
 */
class TallyApiResolver implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == TallyApi.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		return new TallyApi(port);
	}

}
