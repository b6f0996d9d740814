package org.tally.web;

import java.util.List;
import java.util.Locale;

import org.tally.results.UnitResult;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a precinct table, so that no page grows with the election: a statewide
 * contest has about 17,600 precincts, its page shows its counties and a county's page
 * shows that county's precincts, {@value #SIZE} at a time. The rows are already sorted by
 * {@link UnitTable}; this only picks the page and writes the links, which keep the
 * search, the sort and the page.
 *
 * @param rows the precinct rows of this page
 * @param page this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many precincts match
 * @param first the position of this page's first row, from 1 (0 when none match)
 * @param last the position of this page's last row
 * @param query the precinct search, or an empty string
 * @param path the page these links go to (the contest or the county page)
 * @param sort the sort column when one was asked for, else {@code null}
 * @param dir the sort direction when one was asked for, else {@code null}
 * @param lang the reader's language, kept in the links
 */
public record PrecinctPage(List<UnitTable.Row> rows, int page, int pages, int total, int first, int last, String query,
		String path, String sort, String dir, String lang) {

	/** Rows per page: a county's page stays under about 300 KB of HTML. */
	static final int SIZE = 200;

	/**
	 * The precincts whose name or code contains the search (ignoring case); all of them
	 * without one.
	 */
	static List<UnitResult> matching(List<UnitResult> precincts, String query) {
		if (query == null || query.isBlank()) {
			return precincts;
		}
		String wanted = query.strip().toLowerCase(Locale.ROOT);
		return precincts.stream()
			.filter((precinct) -> precinct.name().toLowerCase(Locale.ROOT).contains(wanted)
					|| precinct.code().toLowerCase(Locale.ROOT).contains(wanted))
			.toList();
	}

	/** The asked-for page of the sorted rows (the last one when asked for too far). */
	static PrecinctPage of(List<UnitTable.Row> sorted, Integer page, String query, String path, String sort, String dir,
			String lang) {
		int pages = Math.max(1, (sorted.size() + SIZE - 1) / SIZE);
		int shown = (page == null || page < 1) ? 1 : Math.min(page, pages);
		int from = (shown - 1) * SIZE;
		int to = Math.min(sorted.size(), from + SIZE);
		return new PrecinctPage(sorted.subList(from, to), shown, pages, sorted.size(), (to > from) ? from + 1 : 0, to,
				(query != null) ? query.strip() : "", path, sort, dir, lang);
	}

	/** Whether the rows were narrowed by a search. */
	public boolean searched() {
		return !this.query.isEmpty();
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.pages;
	}

	/** The link to another page of these precincts, keeping the search and the sort. */
	public String link(int page) {
		return uri(this.sort, this.dir, page);
	}

	/** The link a column header of this table points to: sorted by it, first page. */
	public String sortLink(UnitTable units, String column) {
		return uri(column, units.nextDirection(column), 1);
	}

	private String uri(String sort, String dir, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(this.path);
		if (this.lang != null) {
			uri.queryParam(ReaderLocale.PARAMETER, this.lang);
		}
		if (!this.query.isEmpty()) {
			uri.queryParam("q", this.query);
		}
		if (sort != null) {
			uri.queryParam("sort", sort);
		}
		if (dir != null) {
			uri.queryParam("dir", dir);
		}
		if (page > 1) {
			uri.queryParam("page", page);
		}
		return uri.fragment("precincts").encode().build().toUriString();
	}

}
