package org.tally.web.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a TopoJSON topology (the format of the {@code us-atlas} files): quantized,
 * delta-encoded arcs shared between neighbouring shapes, and geometry collections whose
 * polygons name those arcs by index ({@code ~i}, that is {@code -i-1}, for arc {@code i}
 * walked backwards). Only what the county map needs: Polygon and MultiPolygon geometries
 * with an {@code id} and a {@code name} property.
 *
 * @see <a href="https://github.com/topojson/topojson-specification">TopoJSON
 * specification</a>
 */
final class TopoJson {

	private TopoJson() {
	}

	/**
	 * Reads a whole topology; arcs are decoded into absolute positions at once.
	 * @throws IllegalArgumentException when the document is not a quantized topology
	 */
	static Topology read(InputStream in) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(in);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a TopoJSON document: " + ex.getMessage(), ex);
		}
		if (!"Topology".equals(root.path("type").asString(""))) {
			throw new IllegalArgumentException("not a TopoJSON Topology");
		}
		JsonNode transform = root.path("transform");
		double[] scale = { 1, 1 };
		double[] translate = { 0, 0 };
		if (transform.isObject()) {
			scale = pair(transform.path("scale"));
			translate = pair(transform.path("translate"));
		}
		JsonNode arcsNode = root.path("arcs");
		double[][] arcs = new double[arcsNode.size()][];
		for (int a = 0; a < arcs.length; a++) {
			arcs[a] = decodeArc(arcsNode.get(a), scale, translate, transform.isObject());
		}
		Map<String, List<Shape>> objects = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> object : root.path("objects").properties()) {
			List<Shape> shapes = new ArrayList<>();
			for (JsonNode geometry : object.getValue().path("geometries").values()) {
				Shape shape = shape(geometry);
				if (shape != null) {
					shapes.add(shape);
				}
			}
			objects.put(object.getKey(), List.copyOf(shapes));
		}
		return new Topology(arcs, objects);
	}

	/**
	 * Reads a topology from a stream the caller opened, turning I/O failures unchecked.
	 */
	static Topology read(IoSupplier source) {
		try (InputStream in = source.open()) {
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One arc as x0, y0, x1, y1, ...: in a quantized topology each position after the
	 * first is the difference from the one before, and every position is scaled and
	 * translated by the transform.
	 */
	static double[] decodeArc(JsonNode arc, double[] scale, double[] translate, boolean quantized) {
		double[] points = new double[arc.size() * 2];
		long x = 0;
		long y = 0;
		for (int i = 0; i < arc.size(); i++) {
			JsonNode position = arc.get(i);
			if (quantized) {
				x += position.get(0).asLong();
				y += position.get(1).asLong();
				points[2 * i] = x * scale[0] + translate[0];
				points[2 * i + 1] = y * scale[1] + translate[1];
			}
			else {
				points[2 * i] = position.get(0).asDouble();
				points[2 * i + 1] = position.get(1).asDouble();
			}
		}
		return points;
	}

	private static double[] pair(JsonNode node) {
		return new double[] { node.path(0).asDouble(), node.path(1).asDouble() };
	}

	private static Shape shape(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		List<int[][]> polygons = new ArrayList<>();
		if ("Polygon".equals(type)) {
			polygons.add(rings(geometry.path("arcs")));
		}
		else if ("MultiPolygon".equals(type)) {
			for (JsonNode polygon : geometry.path("arcs").values()) {
				polygons.add(rings(polygon));
			}
		}
		else {
			return null;
		}
		return new Shape(geometry.path("id").asString(""), geometry.path("properties").path("name").asString(""),
				List.copyOf(polygons));
	}

	private static int[][] rings(JsonNode polygon) {
		int[][] rings = new int[polygon.size()][];
		for (int r = 0; r < rings.length; r++) {
			JsonNode ring = polygon.get(r);
			rings[r] = new int[ring.size()];
			for (int i = 0; i < ring.size(); i++) {
				rings[r][i] = ring.get(i).asInt();
			}
		}
		return rings;
	}

	/** Opens the topology's bytes. */
	@FunctionalInterface
	interface IoSupplier {

		InputStream open() throws IOException;

	}

	/**
	 * A decoded topology.
	 *
	 * @param arcs every arc's positions, absolute: x0, y0, x1, y1, ...
	 * @param objects each geometry collection's shapes, by the collection's name
	 */
	record Topology(double[][] arcs, Map<String, List<Shape>> objects) {

		List<Shape> shapes(String object) {
			return this.objects.getOrDefault(object, List.of());
		}

		/**
		 * The shape's rings as closed lists of positions (x0, y0, x1, y1, ...): each
		 * ring's arcs joined, reversed ones walked backwards, the position two arcs share
		 * written once.
		 */
		List<double[]> rings(Shape shape) {
			List<double[]> rings = new ArrayList<>();
			for (int[][] polygon : shape.polygons()) {
				for (int[] ring : polygon) {
					rings.add(ring(ring));
				}
			}
			return rings;
		}

		private double[] ring(int[] arcIndices) {
			int length = 0;
			for (int index : arcIndices) {
				length += this.arcs[(index < 0) ? ~index : index].length;
			}
			double[] out = new double[length];
			int at = 0;
			for (int k = 0; k < arcIndices.length; k++) {
				int index = arcIndices[k];
				double[] arc = this.arcs[(index < 0) ? ~index : index];
				int positions = arc.length / 2;
				for (int p = (k == 0) ? 0 : 1; p < positions; p++) {
					int from = (index < 0) ? positions - 1 - p : p;
					out[at++] = arc[2 * from];
					out[at++] = arc[2 * from + 1];
				}
			}
			return java.util.Arrays.copyOf(out, at);
		}

	}

	/**
	 * One geometry.
	 *
	 * @param id the geometry's id (a county's five-digit FIPS code, a state's two)
	 * @param name the {@code name} property
	 * @param polygons each polygon's rings, each ring its arc indices
	 */
	record Shape(String id, String name, List<int[][]> polygons) {
	}

}
