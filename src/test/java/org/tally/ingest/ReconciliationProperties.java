package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.tally.results.VoteType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random files that state totals of their own, some agreeing with their rows and some
 * not: the reconciliation checks every stated total and reports exactly those that
 * disagree, with what was stated and what Tally computes (docs/import.md,
 * Reconciliation). The expected figures are worked out here from the generated model, not
 * by Tally's reader.
 */
class ReconciliationProperties {

	/** One stated total as the generator wrote it. */
	record Expected(String contest, String choice, String unit, String voteType, long stated, long computed) {

		boolean agrees() {
			return this.stated == this.computed;
		}

	}

	@Property(tries = 300)
	void csvTotalRowsAndCountyRowsAreReconciledExactly(@ForAll long seed) {
		Random random = new Random(seed);
		List<Expected> expected = new ArrayList<>();
		StringBuilder csv = new StringBuilder("county,precinct,office,district,party,candidate,votes\n");
		int counties = 1 + random.nextInt(3);
		for (int c = 0; c < counties; c++) {
			String county = "County" + (char) ('A' + c);
			for (int k = 0; k < 1 + random.nextInt(2); k++) {
				String office = "Office " + k;
				int choices = 2 + random.nextInt(2);
				long[] countySums = new long[choices];
				int precincts = 1 + random.nextInt(4);
				for (int p = 0; p < precincts; p++) {
					String precinct = "P" + p;
					long sum = 0;
					for (int i = 0; i < choices; i++) {
						long votes = random.nextInt(1000);
						sum += votes;
						countySums[i] += votes;
						csv.append(county)
							.append(',')
							.append(precinct)
							.append(',')
							.append(office)
							.append(",,,Choice ")
							.append(i)
							.append(',')
							.append(votes)
							.append('\n');
					}
					if (random.nextBoolean()) {
						long stated = Math.max(0, sum + delta(random, false));
						csv.append(county)
							.append(',')
							.append(precinct)
							.append(',')
							.append(office)
							.append(",,,Total Votes,")
							.append(stated)
							.append('\n');
						expected.add(new Expected(office, null, precinct, "total", stated, sum));
					}
				}
				if (random.nextBoolean()) {
					// the county's own row, at least its precincts' sum: a county total
					for (int i = 0; i < choices; i++) {
						long stated = countySums[i] + delta(random, true);
						csv.append(county)
							.append(',')
							.append(county)
							.append(" County,")
							.append(office)
							.append(",,,Choice ")
							.append(i)
							.append(',')
							.append(stated)
							.append('\n');
						expected.add(new Expected(office, "Choice " + i, county, "total", stated, countySums[i]));
					}
				}
			}
		}
		RecordingSink sink = RecordingSink.read(csv.toString());

		assertThat(sink.problems).isEmpty();
		assertReconciled(sink, expected);
	}

	@Property(tries = 300)
	void clarityChoiceTotalsAndVoteTypeVotesAreReconciledExactly(@ForAll long seed) {
		Random random = new Random(seed);
		List<Expected> expected = new ArrayList<>();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<ElectionResult>\n<Region>Kent</Region>\n");
		String[] types = { "Election Day", "Absentee", "Provisional" };
		int precincts = 1 + random.nextInt(4);
		for (int k = 0; k < 1 + random.nextInt(3); k++) {
			String contest = "Contest " + k;
			String key = String.format("%04d", k + 1);
			xml.append("<Contest key=\"").append(key).append("\" text=\"").append(contest).append("\">\n");
			for (int i = 0; i < 2 + random.nextInt(2); i++) {
				String choice = "Choice " + i;
				StringBuilder body = new StringBuilder();
				long total = 0;
				for (String type : pick(random, types)) {
					long sum = 0;
					StringBuilder units = new StringBuilder();
					for (int p = 0; p < precincts; p++) {
						long votes = random.nextInt(500);
						sum += votes;
						units.append("<Precinct name=\"P")
							.append(p)
							.append("\" votes=\"")
							.append(votes)
							.append("\"/>\n");
					}
					total += sum;
					long stated = Math.max(0, sum + delta(random, false));
					body.append("<VoteType name=\"")
						.append(type)
						.append("\" votes=\"")
						.append(stated)
						.append("\">\n")
						.append(units)
						.append("</VoteType>\n");
					expected.add(new Expected(contest + " [key " + key + "]", choice, "Kent", type, stated, sum));
				}
				long stated = Math.max(0, total + delta(random, false));
				xml.append("<Choice key=\"")
					.append(String.format("%03d", i + 1))
					.append("\" text=\"")
					.append(choice)
					.append("\" totalVotes=\"")
					.append(stated)
					.append("\">\n")
					.append(body)
					.append("</Choice>\n");
				expected.add(new Expected(contest + " [key " + key + "]", choice, "Kent", "total", stated, total));
			}
			xml.append("</Contest>\n");
		}
		xml.append("</ElectionResult>\n");
		RecordingSink sink = RecordingSink.read(xml.toString().getBytes(StandardCharsets.UTF_8), null);

		assertThat(sink.problems).isEmpty();
		assertReconciled(sink, expected);
	}

	/**
	 * Each stated total once, agreeing or not, and the disagreements with their figures.
	 */
	private static void assertReconciled(RecordingSink sink, List<Expected> expected) {
		Reconciliation.Tally tally = new Reconciliation.Tally();
		sink.stated.forEach(tally::add);
		Reconciliation reconciliation = tally.result();
		assertThat(reconciliation.checked()).isEqualTo(expected.size());
		assertThat(reconciliation.agreed()).isEqualTo(expected.stream().filter(Expected::agrees).count());
		assertThat(reconciliation.disagreements())
			.map((total) -> new Expected(total.contest(), total.choice(), total.unit(), total.voteType(),
					total.stated(), total.computed()))
			.containsExactlyInAnyOrderElementsOf(expected.stream().filter((e) -> !e.agrees()).toList());
	}

	/**
	 * 0 half the time; else a difference (only upward when the row must stay a total).
	 */
	private static long delta(Random random, boolean upward) {
		if (random.nextBoolean()) {
			return 0;
		}
		long delta = 1 + random.nextInt(50);
		return (upward || random.nextBoolean()) ? delta : -delta;
	}

	/** One to three of the vote types, in order. */
	private static List<String> pick(Random random, String[] types) {
		List<String> picked = new ArrayList<>();
		for (String type : types) {
			if (picked.isEmpty() || random.nextBoolean()) {
				picked.add(type);
			}
		}
		return picked;
	}

}
