package org.tally.kernel;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one document of a NIST common data format (SP 1500-100 election results, SP
 * 1500-101 event logs) as a stream, in its JSON or its XML form, from one sequence of
 * calls: the caller walks its data once, in the order NIST's XSD gives each class's
 * members (which the JSON form does not care about), and each form writes it its way.
 * <ul>
 * <li>an object is {@code "@type": "<prefix>.<Class>"} in JSON, an element named after
 * the member holding it in XML, with {@code xsi:type} when the class is not the name (an
 * abstract {@code Contest} written as a {@code CandidateContest});</li>
 * <li>a list is a JSON array, repeated elements in XML; an empty list is left out;</li>
 * <li>an object's id is {@code @id} in JSON, the attribute {@code ObjectId} in XML;</li>
 * <li>references to several ids are a JSON array of strings, one space-separated element
 * in XML ({@code xsd:IDREFS});</li>
 * <li>a text ({@code InternationalizedText}) is one English {@code LanguageString}.</li>
 * </ul>
 * Nothing is kept but the names of the lists being written.
 */
public abstract class NistWriter implements AutoCloseable {

	private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

	/**
	 * The JSON form.
	 * @param prefix the prefix of every {@code @type} ({@code ElectionResults},
	 * {@code EventLogging})
	 */
	public static NistWriter json(JsonMapper mapper, OutputStream out, String prefix) {
		return new Json(mapper.createGenerator(out), prefix);
	}

	/** The XML form, UTF-8, every element in {@code namespace}. */
	public static NistWriter xml(OutputStream out, String namespace) {
		try {
			return new Xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"), namespace);
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Starts the document with its root object of class {@code type}. */
	public abstract void startDocument(String type);

	/** Starts the list held by member {@code name}; its items follow. */
	public abstract void startList(String name);

	public abstract void endList();

	/** Starts an item of the current list, of class {@code type}. */
	public abstract void startItem(String type);

	/** Starts the single object of class {@code type} held by member {@code name}. */
	public abstract void startObject(String name, String type);

	/** Ends an item, an object or the document's root. */
	public abstract void endObject();

	/** The current object's id; right after it starts. */
	public abstract void id(String id);

	public abstract void string(String name, String value);

	public abstract void number(String name, long value);

	public abstract void number(String name, BigDecimal value);

	public abstract void bool(String name, boolean value);

	/** References to other objects by id. */
	public abstract void ids(String name, Collection<String> ids);

	/** An {@code InternationalizedText} in English. */
	public abstract void text(String name, String content);

	/** Ends the document, flushing everything written. */
	@Override
	public abstract void close();

	private static final class Json extends NistWriter {

		private final JsonGenerator out;

		private final String prefix;

		/** The lists started and not ended: each is written at its first item. */
		private final Deque<String> lists = new ArrayDeque<>();

		private final Deque<Boolean> opened = new ArrayDeque<>();

		Json(JsonGenerator out, String prefix) {
			this.out = out;
			this.prefix = prefix + ".";
		}

		@Override
		public void startDocument(String type) {
			this.out.writeStartObject();
			this.out.writeStringProperty("@type", this.prefix + type);
		}

		@Override
		public void startList(String name) {
			this.lists.push(name);
			this.opened.push(false);
		}

		@Override
		public void endList() {
			this.lists.pop();
			if (this.opened.pop()) {
				this.out.writeEndArray();
			}
		}

		@Override
		public void startItem(String type) {
			if (!this.opened.peek()) {
				this.out.writeArrayPropertyStart(this.lists.peek());
				this.opened.pop();
				this.opened.push(true);
			}
			startObjectOf(type);
		}

		private void startObjectOf(String type) {
			this.out.writeStartObject();
			this.out.writeStringProperty("@type", this.prefix + type);
		}

		@Override
		public void startObject(String name, String type) {
			this.out.writeName(name);
			startObjectOf(type);
		}

		@Override
		public void endObject() {
			this.out.writeEndObject();
		}

		@Override
		public void id(String id) {
			this.out.writeStringProperty("@id", id);
		}

		@Override
		public void string(String name, String value) {
			this.out.writeStringProperty(name, value);
		}

		@Override
		public void number(String name, long value) {
			this.out.writeNumberProperty(name, value);
		}

		@Override
		public void number(String name, BigDecimal value) {
			this.out.writeNumberProperty(name, value);
		}

		@Override
		public void bool(String name, boolean value) {
			this.out.writeBooleanProperty(name, value);
		}

		@Override
		public void ids(String name, Collection<String> ids) {
			this.out.writeArrayPropertyStart(name);
			for (String id : ids) {
				this.out.writeString(id);
			}
			this.out.writeEndArray();
		}

		@Override
		public void text(String name, String content) {
			startObject(name, "InternationalizedText");
			startList("Text");
			startItem("LanguageString");
			string("Content", content);
			string("Language", "en");
			endObject();
			endList();
			endObject();
		}

		@Override
		public void close() {
			this.out.close();
		}

	}

	private static final class Xml extends NistWriter {

		private final XMLStreamWriter out;

		private final String namespace;

		private final Deque<String> lists = new ArrayDeque<>();

		Xml(XMLStreamWriter out, String namespace) {
			this.out = out;
			this.namespace = namespace;
		}

		@Override
		public void startDocument(String type) {
			try {
				this.out.writeStartDocument("UTF-8", "1.0");
				this.out.setDefaultNamespace(this.namespace);
				this.out.writeStartElement(this.namespace, type);
				this.out.writeDefaultNamespace(this.namespace);
				this.out.writeNamespace("xsi", XSI);
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void startList(String name) {
			this.lists.push(name);
		}

		@Override
		public void endList() {
			this.lists.pop();
		}

		@Override
		public void startItem(String type) {
			startObject(this.lists.peek(), type);
		}

		@Override
		public void startObject(String name, String type) {
			try {
				this.out.writeStartElement(this.namespace, name);
				if (!name.equals(type)) {
					this.out.writeAttribute("xsi", XSI, "type", type);
				}
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void endObject() {
			try {
				this.out.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void id(String id) {
			try {
				this.out.writeAttribute("ObjectId", id);
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void string(String name, String value) {
			try {
				this.out.writeStartElement(this.namespace, name);
				this.out.writeCharacters(value);
				this.out.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void number(String name, long value) {
			string(name, Long.toString(value));
		}

		@Override
		public void number(String name, BigDecimal value) {
			string(name, value.toPlainString());
		}

		@Override
		public void bool(String name, boolean value) {
			string(name, Boolean.toString(value));
		}

		@Override
		public void ids(String name, Collection<String> ids) {
			string(name, String.join(" ", ids));
		}

		@Override
		public void text(String name, String content) {
			try {
				this.out.writeStartElement(this.namespace, name);
				this.out.writeStartElement(this.namespace, "Text");
				this.out.writeAttribute("Language", "en");
				this.out.writeCharacters(content);
				this.out.writeEndElement();
				this.out.writeEndElement();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.out.writeEndDocument();
				this.out.close();
			}
			catch (XMLStreamException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
