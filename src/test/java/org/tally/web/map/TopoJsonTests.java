package org.tally.web.map;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The TopoJSON decoder on a topology small enough to work out by hand, and on the
 * vendored atlas.
 */
class TopoJsonTests {

	/**
	 * Two unit squares side by side sharing their middle edge (arc 1), quantized with
	 * scale 0.5 and translate 10,20: arc 0 runs (1,0) (0,0) (0,1) (1,1) round the left
	 * square, arc 1 the shared edge (1,1) (1,0), arc 2 (1,0) (2,0) (2,1) (1,1) round the
	 * right one; positions are stored as quantized deltas.
	 */
	static final String SQUARES = """
			{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
			 "objects":{"squares":{"type":"GeometryCollection","geometries":[
			   {"type":"Polygon","id":"L","properties":{"name":"Left"},"arcs":[[0,1]]},
			   {"type":"MultiPolygon","id":"R","properties":{"name":"Right"},"arcs":[[[2,-2]]]},
			   {"type":"Point","id":"P","coordinates":[0,0]}]}},
			 "arcs":[[[2,0],[-2,0],[0,2],[2,0]], [[2,2],[0,-2]], [[2,2],[2,0],[0,-2],[-2,0]]]}
			""";

	@Test
	void decodesDeltaEncodedQuantizedArcs() {
		TopoJson.Topology topology = read(SQUARES);

		// arc 0: quantized (2,0) (0,0) (0,2) (2,2), times 0.5 plus (10,20)
		assertThat(topology.arcs()[0]).containsExactly(11, 20, 10, 20, 10, 21, 11, 21);
		assertThat(topology.arcs()[1]).containsExactly(11, 21, 11, 20);
	}

	@Test
	void joinsArcsIntoRingsWalkingNegativeIndicesBackwards() {
		TopoJson.Topology topology = read(SQUARES);
		List<TopoJson.Shape> shapes = topology.shapes("squares");

		assertThat(shapes).extracting(TopoJson.Shape::id).containsExactly("L", "R");
		assertThat(shapes.get(0).name()).isEqualTo("Left");
		// arc 0 then arc 1 without repeating (11,21)
		assertThat(topology.rings(shapes.get(0)).get(0)).containsExactly(11, 20, 10, 20, 10, 21, 11, 21, 11, 20);
		// arc 2 then ~1 = arc 1 backwards: (11,20) (11,21), its first position shared
		assertThat(topology.rings(shapes.get(1)).get(0)).containsExactly(11, 21, 12, 21, 12, 20, 11, 20, 11, 21);
	}

	@Test
	void writesShortRelativePathData() {
		double[] box = { 10, 20, 12, 21 };

		String path = StateShapes.path(List.of(new double[] { 11, 20, 10, 20, 10, 21, 11, 21, 11, 20 }), box);

		// units of a tenth: (10,0) then -10,0 0,10 10,0 0,-10
		assertThat(path).isEqualTo("M10 0l-10 0 0 10 10 0 0-10z");
	}

	@Test
	void rejectsWhatIsNotATopology() {
		assertThatIllegalArgumentException().isThrownBy(() -> read("{\"type\":\"FeatureCollection\"}"));
		assertThatIllegalArgumentException().isThrownBy(() -> read("not json"));
	}

	@Test
	void vendoredAtlasHasEveryCaliforniaCountyAndMatchesSpellings() {
		CountyAtlas atlas = new CountyAtlas();

		StateShapes california = atlas.state("California").orElseThrow();

		assertThat(california.fips()).isEqualTo("06");
		assertThat(california.counties()).hasSize(58);
		assertThat(california.county("Los Angeles County")).get()
			.extracting(StateShapes.CountyShape::id)
			.isEqualTo("06037");
		assertThat(california.county("SAN LUIS OBISPO")).get()
			.extracting(StateShapes.CountyShape::id)
			.isEqualTo("06079");
		assertThat(california.county("Atlantis")).isEmpty();
		assertThat(atlas.state("Los Angeles County, California")).get().extracting(StateShapes::fips).isEqualTo("06");
		assertThat(atlas.state("CA")).get().extracting(StateShapes::fips).isEqualTo("06");
		assertThat(atlas.state("West Virginia")).get().extracting(StateShapes::fips).isEqualTo("54");
		assertThat(atlas.state("Minneapolis")).isEmpty();
		StateShapes virginia = atlas.state("Virginia").orElseThrow();
		assertThat(virginia.county("Richmond City")).get().extracting(StateShapes.CountyShape::id).isEqualTo("51760");
		assertThat(virginia.county("Richmond County")).get().extracting(StateShapes.CountyShape::id).isEqualTo("51159");
		StateShapes newMexico = atlas.state("New Mexico").orElseThrow();
		assertThat(newMexico.county("Dona Ana")).get().extracting(StateShapes.CountyShape::id).isEqualTo("35013");
		StateShapes illinois = atlas.state("Illinois").orElseThrow();
		assertThat(illinois.county("La Salle")).get().extracting(StateShapes.CountyShape::id).isEqualTo("17099");
		assertThat(illinois.county("Saint Clair")).get().extracting(StateShapes.CountyShape::id).isEqualTo("17163");
	}

	private static TopoJson.Topology read(String json) {
		return TopoJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
