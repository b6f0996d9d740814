package org.tally.ingest.kit;

import java.util.HashMap;
import java.util.Map;

/**
 * Identity by the file's own keys, names being labels (docs/import.md, Identity by key).
 * A reader gives each contest (or each choice of a contest) its key and label; the first
 * key to use a label keeps it, and a later, different key with the same label gets a
 * label of its own: the label with the district when the file has one, else with the key
 * ("Member of Council Sharpsburg (2 Year Term) (0382)", slug
 * {@code member-of-council-sharpsburg-2-year-term-0382}). The same file read again gives
 * every key the same label, so a re-import updates the same contests.
 */
public final class SourceKeys {

	/** Labels kept per file at most; beyond, labels are used as written. */
	private static final int MAX_LABELS = 100_000;

	private final Map<String, String> keyByLabel = new HashMap<>();

	private final Map<String, String> labelByKey = new HashMap<>();

	/**
	 * The label a key's contest or choice goes by in Tally.
	 * @param key the file's key, or {@code null} when it has none (the label is then used
	 * as written)
	 * @param label the name as the file writes it
	 * @param district the district when the file states one, else {@code null}
	 * @return the label, or a label of its own when another key has it already
	 */
	public String label(String key, String label, String district) {
		if (key == null || key.isBlank()) {
			return label;
		}
		String known = this.labelByKey.get(key);
		if (known != null) {
			return known;
		}
		String first = this.keyByLabel.putIfAbsent(label, key);
		String own = label;
		if (first != null && !first.equals(key)) {
			own = label + " (" + ((district != null && !district.isBlank()) ? district : key.strip()) + ")";
			if (this.keyByLabel.putIfAbsent(own, key) != null) {
				own = label + " (" + key.strip() + ")";
			}
		}
		if (this.labelByKey.size() < MAX_LABELS) {
			this.labelByKey.put(key, own);
		}
		return own;
	}

	/** The key that first used a label, or {@code null}. */
	public String firstKey(String label) {
		return this.keyByLabel.get(label);
	}

	/** Forgets the keys (a new scope: the next contest's choices). */
	public void clear() {
		this.keyByLabel.clear();
		this.labelByKey.clear();
	}

}
