package org.tally.web;

import org.tally.web.text.ReaderFormat;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link ReaderFormat} of the current request: its language as
 * {@link ReaderLocale} resolved it, the election's time zone.
 */
@Component
public class ReaderFormats {

	private final MessageSource messages;

	ReaderFormats(MessageSource messages) {
		this.messages = messages;
	}

	/** The current request's format for an election in {@code timeZone}. */
	public ReaderFormat of(String timeZone) {
		return new ReaderFormat(LocaleContextHolder.getLocale(), timeZone, this.messages);
	}

}
