package org.tally.results;

/**
 * The order in which an election's contests are listed, written once: by ballot order,
 * then office, then district in natural order (shorter first, so district 2 before 10),
 * then name, then id (docs/numbers.md "Contest order"). The feed, the pages, the exports,
 * the batches and the event stream all list contests in this order.
 */
public final class ContestOrder {

	/** The order over the columns of table {@code contest} without a table alias. */
	public static final String SQL = of("");

	private ContestOrder() {
	}

	/**
	 * The order as an SQL {@code order by} list over the columns of table {@code contest}
	 * under {@code alias}.
	 * @param alias the table's alias in the query, for example {@code c}; empty for none
	 * @return for example {@code c.ballot_order, c.office, ..., c.id}
	 */
	public static String of(String alias) {
		String c = alias.isEmpty() ? "" : alias + ".";
		return c + "ballot_order, " + c + "office, length(" + c + "district), " + c + "district, " + c + "name, " + c
				+ "id";
	}

}
