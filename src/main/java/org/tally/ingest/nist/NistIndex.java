package org.tally.ingest.nist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.ReaderReport;

/**
 * What the first pass of a NIST report keeps by {@code @id}: its units, parties, persons
 * and candidates, its ballot counts, and the scope (issuer, election scope) of its ids.
 * Small maps: they grow with the units and candidates, never with the counts.
 */
final class NistIndex {

	final NistUnits units = new NistUnits();

	final NistBallotCounts ballots = new NistBallotCounts();

	final Map<String, JsonNode> parties = new HashMap<>();

	final Map<String, JsonNode> persons = new HashMap<>();

	final Map<String, JsonNode> candidates = new HashMap<>();

	private final ReaderReport report;

	String scopeId;

	String issuer;

	NistIndex(ReaderReport report) {
		this.report = report;
	}

	/** Keeps an object by its {@code @id}; a missing or repeated one is a problem. */
	void define(Map<String, JsonNode> into, JsonNode node, String at, JsonParser p) {
		String id = JsonFiles.string(node, "@id");
		if (id == null) {
			this.report.problem(JsonFiles.problem(p, at, null, "missing @id"));
			return;
		}
		if (into.putIfAbsent(id, node) != null) {
			this.report.problem(JsonFiles.problem(p, at + "/@id", node.get("@id"), "@id defined twice"));
		}
	}

	/** The scope of the file's {@code @id}s: its issuer and election scope. */
	String keyScope() {
		return "nist:" + ((this.issuer != null) ? this.issuer : "") + ":"
				+ ((this.scopeId != null) ? this.scopeId : "");
	}

	/** A list of {@code @id}s: a JSON array, or a text of ids apart by spaces. */
	static List<String> ids(JsonNode node) {
		List<String> ids = new ArrayList<>();
		if (node == null) {
			return ids;
		}
		if (node.isString()) {
			for (String id : node.asString().strip().split("\\s+")) {
				if (!id.isEmpty()) {
					ids.add(id);
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (element.isString() && !element.asString().isBlank()) {
					ids.add(element.asString().strip());
				}
			}
		}
		return ids;
	}

}
