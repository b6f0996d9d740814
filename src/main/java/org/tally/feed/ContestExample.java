package org.tally.feed;

/**
 * The example the OpenAPI document shows for a contest: CA-34's 2017 special general.
 */
final class ContestExample {

	static final String JSON = """
			{"slug":"us-house-34","name":"U.S. House, District 34","office":"U.S. House","district":"34",
			 "kind":"candidate","seats":1,"rule":"plurality","threshold":null,"uncontested":false,"test":false,
			 "totalVotes":43179,"precinctsReporting":195,"precinctsTotal":195,"precinctsReportingPct":"100",
			 "ballotsOutstanding":null,"margin":{"votes":7959,"points":18.4},"tie":false,"decided":false,
			 "call":{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"calledAt":"2017-06-07T08:05:00Z",
			         "calledBy":"desk","note":"Semi-official count, all precincts in."},
			 "revision":4,"lastUpdated":"2017-07-14T17:00:00Z",
			 "candidates":[
			  {"name":"Jimmy Gomez","party":"DEM","incumbent":false,"writeIn":false,"votes":25569,"votePct":59.2,
			   "voteShare":0.592163,"leading":true,"winner":true,"advancing":false,"conceded":false,
			   "concededAt":null,"concessionStatement":null},
			  {"name":"Robert Lee Ahn","party":"DEM","incumbent":false,"writeIn":false,"votes":17610,"votePct":40.8,
			   "voteShare":0.407837,"leading":false,"winner":false,"advancing":false,"conceded":true,
			   "concededAt":"2017-06-07T05:30:00Z","concessionStatement":"Robert Lee Ahn conceded on election night."}]}
			""";

	private ContestExample() {
	}

}
