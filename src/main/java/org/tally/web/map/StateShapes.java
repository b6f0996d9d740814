package org.tally.web.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One state's outline and counties as SVG path data, ready for a page. Positions are the
 * atlas's (Albers, 975×610 for the nation) times {@value #UNITS}, moved so the state's
 * box starts at 0,0 and rounded to whole units: a tenth of a unit of the atlas is far
 * below a pixel at any size a page draws a state, and whole numbers keep the paths short.
 *
 * @param fips the state's two-digit FIPS code
 * @param name the state's name
 * @param outline the state's outline
 * @param width the box's width, in path units
 * @param height the box's height, in path units
 * @param counties the state's counties
 */
public record StateShapes(String fips, String name, String outline, int width, int height, List<CountyShape> counties,
		Map<String, CountyShape> byKey) {

	/** The state's counties; {@code byKey} finds them by {@link CountyAtlas#key}. */
	public StateShapes {
		counties = List.copyOf(counties);
		byKey = Map.copyOf(byKey);
	}

	static final int UNITS = 10;

	/** A county's shape; {@code id} is its five-digit FIPS code. */
	public record CountyShape(String id, String name, String path) {
	}

	/**
	 * The county a results file names, by the alias table first and then by name (see
	 * {@link CountyAtlas#key}).
	 */
	public Optional<CountyShape> county(String name) {
		return Optional.ofNullable(this.byKey.get(CountyAtlas.key(name)));
	}

	static StateShapes of(CountyAtlas.Atlas atlas, String fips) {
		TopoJson.Topology topology = atlas.topology;
		TopoJson.Shape state = topology.shapes("states")
			.stream()
			.filter((shape) -> shape.id().equals(fips))
			.findFirst()
			.orElseThrow();
		List<double[]> outlineRings = topology.rings(state);
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (double[] ring : outlineRings) {
			for (int i = 0; i < ring.length; i += 2) {
				box[0] = Math.min(box[0], ring[i]);
				box[1] = Math.min(box[1], ring[i + 1]);
				box[2] = Math.max(box[2], ring[i]);
				box[3] = Math.max(box[3], ring[i + 1]);
			}
		}
		List<CountyShape> counties = new ArrayList<>();
		Map<String, CountyShape> byKey = new HashMap<>();
		for (TopoJson.Shape county : topology.shapes("counties")) {
			if (!county.id().startsWith(fips)) {
				continue;
			}
			CountyShape shape = new CountyShape(county.id(), county.name(), path(topology.rings(county), box));
			counties.add(shape);
			// two shapes of one name (an independent city beside its county): the county,
			// the lower code, keeps the plain name
			byKey.merge(CountyAtlas.key(county.name()), shape, (a, b) -> (a.id().compareTo(b.id()) <= 0) ? a : b);
		}
		for (Map.Entry<String, String> alias : atlas.aliases.entrySet()) {
			if (alias.getKey().startsWith(fips + ":")) {
				counties.stream()
					.filter((county) -> county.id().equals(alias.getValue()))
					.findFirst()
					.ifPresent((county) -> byKey.put(alias.getKey().substring(fips.length() + 1), county));
			}
		}
		counties.sort((a, b) -> a.name().compareTo(b.name()));
		int width = (int) Math.ceil((box[2] - box[0]) * UNITS);
		int height = (int) Math.ceil((box[3] - box[1]) * UNITS);
		return new StateShapes(fips, state.name(), path(outlineRings, box), width, height, List.copyOf(counties),
				Map.copyOf(byKey));
	}

	/**
	 * Path data for closed rings: an absolute move to each ring's first position, then
	 * relative lines, skipping positions that round onto the one before.
	 */
	static String path(List<double[]> rings, double[] box) {
		StringBuilder path = new StringBuilder();
		for (double[] ring : rings) {
			long x = Math.round((ring[0] - box[0]) * UNITS);
			long y = Math.round((ring[1] - box[1]) * UNITS);
			path.append('M').append(x).append(' ').append(y);
			boolean line = false;
			for (int i = 2; i < ring.length; i += 2) {
				long nx = Math.round((ring[i] - box[0]) * UNITS);
				long ny = Math.round((ring[i + 1] - box[1]) * UNITS);
				if (nx == x && ny == y) {
					continue;
				}
				path.append(line ? "" : "l");
				number(path, nx - x, !line);
				number(path, ny - y, false);
				line = true;
				x = nx;
				y = ny;
			}
			path.append('z');
		}
		return path.toString();
	}

	/** A number after the one before: a minus sign separates by itself, else a space. */
	private static void number(StringBuilder path, long value, boolean first) {
		if (!first && value >= 0) {
			path.append(' ');
		}
		path.append(value);
	}

}
