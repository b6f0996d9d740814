package org.tally.staff;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface StaffUserRepository extends ListCrudRepository<StaffUser, Long> {

	Optional<StaffUser> findByUsername(String username);

}
