package org.tally.results;

/**
 * Real counts from the 2017 special elections in California's 34th congressional
 * district, the seed case of the product contract.
 */
final class Ca34 {

	/**
	 * Semi-official election-night count of the June 2017 special general: Gomez, Ahn.
	 */
	static final long[] ELECTION_NIGHT = { 19_761, 13_108 };

	/**
	 * Certified canvass of the June 2017 special general: Gomez, Ahn.
	 */
	static final long[] CERTIFIED = { 25_569, 17_610 };

	/**
	 * County totals of the April 2017 special primary, in file order, from
	 * shared/data/openelections-ca/2017/20170404__ca__special__primary.csv. The file has
	 * 24 rows: 23 candidates with votes and Michelle "Hope" Walker with none.
	 */
	static final long[] PRIMARY = { 182, // Adrienne Nicole Edwards
			1_001, // Alejandra Campoverdi
			319, // Angela E. McArdle
			118, // Armando Sotomayor
			2_205, // Arturo Carmona
			10_728, // Jimmy Gomez
			1_964, // Kenneth Mejia
			4_259, // Maria Cabildo
			427, // Mark Edward Padilla
			79, // Melissa "Sharkie" Garza
			0, // Michelle "Hope" Walker
			509, // Raymond Meza
			331, // Ricardo "Ricky" De La Fuente
			155, // Richard Joseph Sullivan
			9_415, // Robert Lee Ahn
			674, // Sandra Mendoza
			2_358, // Sara Hernandez
			663, // Steven Mac
			103, // Tenaya Wallace
			1_042, // Tracy Van Houten
			853, // Vanessa L. Aramayo
			2_195, // Wendy Carrillo
			1_360, // William "Rodriguez" Morrison
			1_368, // Yolie Flores
	};

	static final int PRIMARY_GOMEZ = 5;

	static final int PRIMARY_AHN = 14;

	private Ca34() {
	}

}
