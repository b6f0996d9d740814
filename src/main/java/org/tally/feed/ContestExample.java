package org.tally.feed;

/**
 * The example the OpenAPI document shows for a contest: CA-34's 2017 special general.
 */
final class ContestExample {

	static final String JSON = """
			{"slug":"us-house-34","name":"U.S. House, District 34","office":"U.S. House","district":"34",
			 "kind":"candidate","seats":1,"rule":"plurality","threshold":null,"uncontested":false,"test":false,
			 "totalVotes":43179,"precinctsReporting":195,"precinctsTotal":195,"precinctsReportingPct":"100",
			 "ballotsOutstanding":null,"expectedVotes":null,"expectedVotePct":null,"votesRemaining":null,
			 "ballotsCast":null,"registeredVoters":null,"turnoutPct":null,
			 "margin":{"votes":7959,"points":18.4},"tie":false,"decided":false,
			 "call":{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"calledAt":"2017-06-07T08:05:00Z",
			         "calledBy":"staff","note":"Semi-official count, all precincts in."},
			 "revision":4,"lastUpdated":"2017-07-14T17:00:00Z",
			 "candidates":[
			  {"name":"Jimmy Gomez","party":"DEM","incumbent":false,"writeIn":false,"votes":25569,"votePct":59.2,
			   "voteShare":0.592163,"leading":true,"winner":true,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null,"needsPctOfRemaining":null},
			  {"name":"Robert Lee Ahn","party":"DEM","incumbent":false,"writeIn":false,"votes":17610,"votePct":40.8,
			   "voteShare":0.407837,"leading":false,"winner":false,"advancing":false,"conceded":true,
			   "concededAt":"2017-06-07T05:30:00Z","concessionStatement":"Robert Lee Ahn conceded on election night.",
			   "needsPctOfRemaining":null}]}
			""";

	/**
	 * The election-night count with a staff estimate of 45,000 votes: 32,869 counted is
	 * 73% of it, 12,131 votes are still expected, and Ahn would need 77.4% of them to
	 * draw level.
	 */
	static final String ELECTION_NIGHT_JSON = """
			{"slug":"us-house-34","name":"U.S. House, District 34","office":"U.S. House","district":"34",
			 "kind":"candidate","seats":1,"rule":"plurality","threshold":null,"uncontested":false,"test":false,
			 "totalVotes":32869,"precinctsReporting":195,"precinctsTotal":195,"precinctsReportingPct":"100",
			 "ballotsOutstanding":null,"expectedVotes":45000,"expectedVotePct":"73","votesRemaining":12131,
			 "ballotsCast":null,"registeredVoters":null,"turnoutPct":null,
			 "margin":{"votes":6653,"points":20.2},"tie":false,"decided":false,
			 "call":{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"calledAt":"2017-06-07T08:30:00Z",
			         "calledBy":"staff","note":"Semi-official count."},
			 "revision":3,"lastUpdated":"2017-06-07T08:00:00Z",
			 "candidates":[
			  {"name":"Jimmy Gomez","party":"DEM","incumbent":false,"writeIn":false,"votes":19761,"votePct":60.1,
			   "voteShare":0.601205,"leading":true,"winner":true,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null,"needsPctOfRemaining":null},
			  {"name":"Robert Lee Ahn","party":"DEM","incumbent":false,"writeIn":false,"votes":13108,"votePct":39.9,
			   "voteShare":0.398795,"leading":false,"winner":false,"advancing":false,"conceded":true,
			   "concededAt":"2017-06-07T05:30:00Z","concessionStatement":"Robert Lee Ahn conceded on election night.",
			   "needsPctOfRemaining":77.4}]}
			""";

	/**
	 * A contest with a split by vote type: U.S. House district 6 in Chester County, PA,
	 * 2022 (OpenElections: the county's {@code votes, election_day, early_voting,
	 * provisional}).
	 */
	static final String SPLIT = """
			{"slug":"us-house-6","name":"U.S. House, District 6","office":"U.S. House","district":"6",
			 "kind":"candidate","seats":1,"rule":"plurality","threshold":null,"uncontested":false,"test":false,
			 "totalVotes":258460,"precinctsReporting":null,"precinctsTotal":null,"precinctsReportingPct":null,
			 "ballotsOutstanding":null,"margin":{"votes":46335,"points":17.9},"tie":false,"decided":false,
			 "call":{"status":"not-called","winners":[],"advancing":[],"calledAt":null,"calledBy":null,"note":null},
			 "revision":1,"lastUpdated":"2022-11-09T12:00:00Z",
			 "candidates":[
			  {"name":"Chrissy Houlahan","party":"DEM","incumbent":false,"writeIn":false,"votes":152301,"votePct":58.9,
			   "voteShare":0.589263,"leading":true,"winner":false,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null,
			   "voteTypes":{"election-day":93802,"early":57276,"provisional":1223}},
			  {"name":"Guy Ciarrocchi","party":"REP","incumbent":false,"writeIn":false,"votes":105966,"votePct":41.0,
			   "voteShare":0.409990,"leading":false,"winner":false,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null,
			   "voteTypes":{"election-day":94137,"early":11400,"provisional":429}},
			  {"name":"Write-In","party":null,"incumbent":false,"writeIn":false,"votes":193,"votePct":0.1,
			   "voteShare":0.000747,"leading":false,"winner":false,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null,
			   "voteTypes":{"election-day":145,"early":46,"provisional":2}}],
			 "voteTypes":{"election-day":188084,"early":68722,"provisional":1654}}
			""";

	private ContestExample() {
	}

}
