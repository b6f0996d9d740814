package org.tally.ingest.clarity;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.BoundedInput;
import org.tally.ingest.kit.ForwardingRowSink;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;

/**
 * Where a Clarity detail.xml's parser comes from: the zip ({@code detailxml.zip}) or the
 * XML itself, through a StAX factory that reads no DTD and resolves no external entity,
 * within the limits of {@link BoundedInput}; and what a parser's failure tells staff.
 */
final class ClarityXmlSource {

	private ClarityXmlSource() {
	}

	/** The reader of one document, given its parser and the counting sink. */
	interface Opener {

		Document open(XMLStreamReader xml, RowSink sink);

	}

	/** One document being read: its rows are counted even when it breaks off. */
	interface Document {

		void read() throws XMLStreamException;

		long rows();

	}

	/**
	 * Opens a detail.xml, or the zip it comes in, and hands the parser to the document's
	 * reader. Never throws for bad content: a file that is not well-formed, not XML, a
	 * damaged or truncated zip, or one over a limit is a problem for the sink.
	 * @param in the file; the first bytes tell a zip from XML; not closed
	 * @throws IOException only when the stream itself fails
	 */
	static ReadSummary read(InputStream in, RowSink sink, Opener opener) throws IOException {
		Counter counter = new Counter(sink);
		InputStream xmlBytes = in;
		ZipInputStream zip = null;
		BoundedInput.Compressed compressed = null;
		in.mark(4);
		byte[] magic = in.readNBytes(4);
		in.reset();
		if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
			compressed = new BoundedInput.Compressed(in);
			zip = new ZipInputStream(compressed);
			try {
				ZipEntry entry = detailEntry(zip);
				if (entry == null) {
					counter.problem(Problem.ofFile("the zip holds no detail.xml: this is some other ZIP archive or "
							+ "an Excel .xlsx workbook; upload Clarity's detailxml.zip, or save the sheet as CSV UTF-8"));
					return counter.summary(0);
				}
				xmlBytes = BoundedInput.unzipped(zip, compressed);
			}
			catch (ZipException | EOFException | IllegalArgumentException ex) {
				// IllegalArgumentException: an entry name that is not UTF-8
				counter.problem(Problem.ofFile("damaged or truncated zip: " + ex.getMessage()));
				return counter.summary(0);
			}
		}
		XMLStreamReader xml;
		try {
			xml = factory().createXMLStreamReader(BoundedInput.xml(xmlBytes));
		}
		catch (XMLStreamException ex) {
			counter.problem(notXml(ex));
			return counter.summary(0);
		}
		Document reader = opener.open(xml, counter);
		try {
			reader.read();
		}
		catch (XMLStreamException ex) {
			BoundedInput.Exceeded exceeded = exceeded(ex);
			counter.problem(
					(exceeded != null) ? Problem.ofFile("refused: " + exceeded.getMessage()) : broken(ex, zip != null));
		}
		catch (BoundedInput.Exceeded ex) {
			counter.problem(Problem.ofFile("refused: " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// the JDK's parser and zip stream signal some damage unchecked
			counter.problem(Problem.ofFile("damaged file: " + ex.getMessage()));
		}
		finally {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing held
			}
		}
		return counter.summary(reader.rows());
	}

	private static ZipEntry detailEntry(ZipInputStream zip) throws IOException {
		ZipEntry entry;
		while ((entry = zip.getNextEntry()) != null) {
			String name = entry.getName();
			String file = name.substring(name.lastIndexOf('/') + 1);
			if (!entry.isDirectory() && file.equalsIgnoreCase("detail.xml")) {
				return entry;
			}
		}
		return null;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		// the JDK's own limits where it has them (BoundedInput counts the rest)
		factory.setProperty("jdk.xml.maxElementDepth", BoundedInput.MAX_DEPTH);
		factory.setProperty("jdk.xml.maxGeneralEntitySizeLimit", BoundedInput.MAX_TEXT);
		factory.setProperty("jdk.xml.maxXMLNameLimit", 1000);
		factory.setProperty("jdk.xml.elementAttributeLimit", 100);
		return factory;
	}

	/** The limit a parser's exception was caused by, if any. */
	private static BoundedInput.Exceeded exceeded(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof BoundedInput.Exceeded exceeded) {
				return exceeded;
			}
			if (cause instanceof XMLStreamException xml && xml.getNestedException() != null
					&& xml.getNestedException() != cause) {
				BoundedInput.Exceeded nested = exceeded(xml.getNestedException());
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

	private static Problem notXml(XMLStreamException ex) {
		return Problem.ofFile("not a readable XML file: " + ex.getMessage());
	}

	private static Problem broken(XMLStreamException ex, boolean zipped) {
		long line = (ex.getLocation() != null) ? Math.max(ex.getLocation().getLineNumber(), 0) : 0;
		Throwable cause = ex.getNestedException();
		if (zipped && (cause instanceof EOFException || cause instanceof ZipException)) {
			return new Problem(line, null, null, "damaged or truncated zip: " + cause.getMessage(), null);
		}
		String message = ex.getMessage();
		int detail = (message != null) ? message.indexOf("Message: ") : -1;
		String said = (detail >= 0) ? message.substring(detail + 9) : message;
		return new Problem(line, null, null, "not well-formed XML (truncated or damaged file?): " + said, null);
	}

	/** Counts the problems on their way to the sink, for the summary. */
	private static final class Counter extends ForwardingRowSink {

		private long problems;

		Counter(RowSink sink) {
			super(sink);
		}

		@Override
		public void problem(Problem problem) {
			this.problems++;
			super.problem(problem);
		}

		ReadSummary summary(long rows) {
			return new ReadSummary(ImportFormat.CLARITY_DETAIL, rows, this.problems, List.of());
		}

	}

}
