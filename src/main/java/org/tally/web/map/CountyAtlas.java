package org.tally.web.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The U.S. Census Bureau's counties (from the vendored {@code us-atlas} file, see
 * {@code map/us-atlas/PROVENANCE.md}), found by state and name. The topology is decoded
 * once, on first use; each state's SVG paths are built once and kept.
 */
@Component
public class CountyAtlas {

	static final String ATLAS = "map/us-atlas/counties-albers-10m.json";

	static final String ALIASES = "map/county-aliases.csv";

	private static final String[][] POSTAL = { { "AL", "Alabama" }, { "AK", "Alaska" }, { "AZ", "Arizona" },
			{ "AR", "Arkansas" }, { "CA", "California" }, { "CO", "Colorado" }, { "CT", "Connecticut" },
			{ "DE", "Delaware" }, { "DC", "District of Columbia" }, { "FL", "Florida" }, { "GA", "Georgia" },
			{ "HI", "Hawaii" }, { "ID", "Idaho" }, { "IL", "Illinois" }, { "IN", "Indiana" }, { "IA", "Iowa" },
			{ "KS", "Kansas" }, { "KY", "Kentucky" }, { "LA", "Louisiana" }, { "ME", "Maine" }, { "MD", "Maryland" },
			{ "MA", "Massachusetts" }, { "MI", "Michigan" }, { "MN", "Minnesota" }, { "MS", "Mississippi" },
			{ "MO", "Missouri" }, { "MT", "Montana" }, { "NE", "Nebraska" }, { "NV", "Nevada" },
			{ "NH", "New Hampshire" }, { "NJ", "New Jersey" }, { "NM", "New Mexico" }, { "NY", "New York" },
			{ "NC", "North Carolina" }, { "ND", "North Dakota" }, { "OH", "Ohio" }, { "OK", "Oklahoma" },
			{ "OR", "Oregon" }, { "PA", "Pennsylvania" }, { "RI", "Rhode Island" }, { "SC", "South Carolina" },
			{ "SD", "South Dakota" }, { "TN", "Tennessee" }, { "TX", "Texas" }, { "UT", "Utah" }, { "VT", "Vermont" },
			{ "VA", "Virginia" }, { "WA", "Washington" }, { "WV", "West Virginia" }, { "WI", "Wisconsin" },
			{ "WY", "Wyoming" } };

	private volatile Atlas atlas;

	private final Map<String, StateShapes> states = new ConcurrentHashMap<>();

	/**
	 * The state an election's jurisdiction names: a state's name or postal code
	 * ("California", "CA"), or a place within one ("Los Angeles County, California").
	 */
	public Optional<StateShapes> state(String jurisdiction) {
		if (jurisdiction == null || jurisdiction.isBlank()) {
			return Optional.empty();
		}
		Atlas atlas = atlas();
		String wanted = " " + plain(jurisdiction).replaceAll("[^a-z ]", " ").replaceAll(" +", " ").strip() + " ";
		String best = null;
		for (Map.Entry<String, String> state : atlas.stateNames.entrySet()) {
			String name = " " + state.getKey() + " ";
			if (wanted.contains(name) && (best == null || name.length() > best.length() + 2)) {
				best = state.getKey();
			}
		}
		String fips = (best != null) ? atlas.stateNames.get(best) : null;
		if (fips == null) {
			String code = jurisdiction.strip().toUpperCase(Locale.ROOT);
			for (String[] postal : POSTAL) {
				if (postal[0].equals(code)) {
					fips = atlas.stateNames.get(plain(postal[1]));
				}
			}
		}
		if (fips == null) {
			return Optional.empty();
		}
		return Optional.of(this.states.computeIfAbsent(fips, (id) -> StateShapes.of(atlas, id)));
	}

	/**
	 * A county name as the alias table and the index compare it: no accents, lower case,
	 * no "County"/"Parish"/"Borough" suffix, "Saint" as "St", no spaces or punctuation.
	 */
	static String key(String countyName) {
		String plain = plain(countyName).strip();
		plain = plain.replaceAll("\\s+(county|parish|borough)$", "");
		plain = plain.replaceAll("^saint\\b", "st").replaceAll("\\bsaint\\b", "st");
		return plain.replaceAll("[\\s.'’\\-]", "");
	}

	private static String plain(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private Atlas atlas() {
		Atlas loaded = this.atlas;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.atlas;
				if (loaded == null) {
					loaded = Atlas.load();
					this.atlas = loaded;
				}
			}
		}
		return loaded;
	}

	/** The decoded topology, its state names and the alias table. */
	static final class Atlas {

		final TopoJson.Topology topology;

		final Map<String, String> stateNames = new HashMap<>();

		final Map<String, String> aliases = new HashMap<>();

		private Atlas(TopoJson.Topology topology, List<String[]> aliases) {
			this.topology = topology;
			for (TopoJson.Shape state : topology.shapes("states")) {
				this.stateNames.put(plain(state.name()), state.id());
			}
			for (String[] alias : aliases) {
				this.aliases.put(alias[0] + ":" + key(alias[1]), alias[2]);
			}
		}

		static Atlas load() {
			TopoJson.Topology topology = TopoJson.read(() -> new ClassPathResource(ATLAS).getInputStream());
			return new Atlas(topology, readAliases());
		}

		private static List<String[]> readAliases() {
			List<String[]> rows = new ArrayList<>();
			try (InputStream in = new ClassPathResource(ALIASES).getInputStream();
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] cells = line.split(",", -1);
					if (cells.length == 3) {
						rows.add(new String[] { cells[0].strip(), cells[1].strip(), cells[2].strip() });
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return rows;
		}

	}

}
