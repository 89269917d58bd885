package org.s11evaluator.yaml;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Jackson's YAML factory within {@link LimitedYaml}'s limits (SnakeYAML's for the size, Jackson's for the nesting),
 * whose parsers refuse an alias at its line: Jackson reads {@code *name} as the text "name", never as the value it
 * stands for, so an alias can only be a mistake or an attack.
 */
final class LimitedYamlFactory extends YAMLFactory {

	private static final long serialVersionUID = 1L;

	LimitedYamlFactory() {
		super(YAMLFactory.builder()
			.loaderOptions(LimitedYaml.loaderOptions())
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(LimitedYaml.MAX_NESTING_DEPTH)
				.maxStringLength(LimitedYaml.MAX_CODE_POINTS)
				.build()));
		// the builder starts from no parser features, unlike new YAMLFactory(): keep the defaults (an empty value is null)
		_yamlParserFeatures = DEFAULT_YAML_PARSER_FEATURE_FLAGS;
	}

	private LimitedYamlFactory(LimitedYamlFactory source, ObjectCodec codec) {
		super(source, codec);
	}

	@Override
	public YAMLFactory copy() {
		_checkInvalidCopy(LimitedYamlFactory.class);
		return new LimitedYamlFactory(this, null);
	}

	@Override
	protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
		return _createParser(_createReader(in, null, context), context);
	}

	@Override
	protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
		return new AliasRefusingParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
	}

	@Override
	protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) throws IOException {
		return _createParser(new CharArrayReader(data, offset, length), context);
	}

	@Override
	protected YAMLParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
		return _createParser(_createReader(data, offset, length, null, context), context);
	}

	private static final class AliasRefusingParser extends YAMLParser {

		AliasRefusingParser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
			super(context, features, yamlFeatures, options, codec, reader);
		}

		@Override
		public JsonToken nextToken() throws IOException {
			JsonToken token = super.nextToken();
			if (isCurrentAlias()) {
				throw new JsonParseException(this, "YAML aliases are not allowed in this file (*" + getText()
						+ "): write the value out in full");
			}
			return token;
		}

	}

}
