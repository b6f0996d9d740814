package org.tally.ingest.kit;

import java.io.IOException;
import java.io.InputStream;

/**
 * An uploaded file that can be read again from its start: the import keeps the body on
 * disk ({@code org.tally.ingest.Spool}), so a reader whose format refers forward (NIST's
 * ids) may read it twice instead of holding it in memory.
 */
@FunctionalInterface
public interface FileSource {

	InputStream open() throws IOException;

}
