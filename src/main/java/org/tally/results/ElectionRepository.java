package org.tally.results;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ElectionRepository extends ListCrudRepository<Election, Long> {

	Optional<Election> findBySlug(String slug);

	boolean existsBySlug(String slug);

	/**
	 * Elections being counted first, then the most recent: by
	 * {@link ElectionStatus#listOrder()}, spelled here for JPQL
	 * ({@code ElectionListOrderTests} checks).
	 */
	@Query("""
			select e from Election e order by
			case e.status when 'counting' then 0 when 'paused' then 1 when 'unofficial-complete' then 2
			when 'scheduled' then 3 else 4 end, e.date desc, e.name""")
	List<Election> findAllLiveFirst();

}
