package org.tally.web.text;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.tally.results.ReaderLanguages;

import org.springframework.context.MessageSource;

/**
 * How a page speaks to its reader: words from the message bundles and numbers, dates and
 * times in the reader's language, from the JDK's locale data (CLDR), never hand-written
 * rules. The one place numbers on pages are formatted; templates and the classes that
 * prepare cards call it. Values come from the read model already rounded (a percentage
 * keeps its one decimal and its value in every language); only separators, signs and
 * words change. One per request: it holds formatters that are not thread-safe.
 */
public final class ReaderFormat {

	/** The query parameter that names the reader's language ({@code ?lang=es}). */
	public static final String LANGUAGE_PARAMETER = "lang";

	private final Locale locale;

	private final MessageSource messages;

	private final LocalTimes times;

	private final NumberFormat count;

	private final NumberFormat decimal;

	private final NumberFormat percent;

	private final NumberFormat wholePercent;

	private final DateTimeFormatter date;

	public ReaderFormat(Locale locale, String timeZone, MessageSource messages) {
		this.locale = locale;
		this.messages = messages;
		this.times = LocalTimes.of(timeZone, locale);
		this.count = NumberFormat.getIntegerInstance(locale);
		this.decimal = NumberFormat.getNumberInstance(locale);
		this.decimal.setMinimumFractionDigits(1);
		this.decimal.setMaximumFractionDigits(1);
		this.percent = NumberFormat.getPercentInstance(locale);
		this.percent.setMinimumFractionDigits(1);
		this.percent.setMaximumFractionDigits(1);
		this.wholePercent = NumberFormat.getPercentInstance(locale);
		this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
	}

	/** The locale the page is formatted in ("es-US"). */
	public Locale locale() {
		return this.locale;
	}

	/** The language's code in URLs ("es"). */
	public String lang() {
		return ReaderLanguages.code(this.locale);
	}

	/** The election's clock in the reader's language. */
	public LocalTimes times() {
		return this.times;
	}

	/** A count with the language's grouping: "19,761". */
	public String votes(long votes) {
		return this.count.format(votes);
	}

	/** A one-decimal number as given: "20.2" (never rounded again). */
	public String decimal(BigDecimal value) {
		return (value != null) ? this.decimal.format(value) : "";
	}

	/** A percentage with one decimal and the language's sign: "60.1%", "60.1 %". */
	public String percent(BigDecimal value) {
		return (value != null) ? this.percent.format(value.movePointLeft(2)) : "";
	}

	/**
	 * A whole-percent label from the read model ("63", "&lt;1", "100") with the
	 * language's sign: "63%", "&lt;1 %".
	 */
	public String percentLabel(String label) {
		if (label == null) {
			return null;
		}
		if (label.startsWith("<")) {
			return "<" + percentLabel(label.substring(1));
		}
		return this.wholePercent.format(new BigDecimal(label).movePointLeft(2));
	}

	/** An election day: "June 6, 2017", "6 de junio de 2017". */
	public String date(LocalDate day) {
		return (day != null) ? this.date.format(day) : "";
	}

	/** The message for {@code key} in the reader's language. */
	public String text(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	/** The page path with the reader's language: "/elections/x?lang=es". */
	public String link(String path) {
		return path + ((path.indexOf('?') < 0) ? "?" : "&") + LANGUAGE_PARAMETER + "=" + lang();
	}

}
