package io.reflex.client.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected strings were taken from CPython 3 ({@code repr}, {@code str}, {@code json.dumps}). */
class PythonFormsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.5|1.5", "100.0|100.0", "1e16|1e+16", "1e15|1000000000000000.0", "0.0001|0.0001",
            "0.00001|1e-05", "-2.5e-7|-2.5e-07", "123456789012345678.0|1.2345678901234568e+17",
            "0.1|0.1", "1e100|1e+100", "-0.0|-0.0", "3.0e3|3000.0"})
    void floatsAreSpelledAsPythonReprSpellsThem(String json, String python) {
        assertThat(PyText.str(Json.parse(json))).isEqualTo(python);
    }

    @Test
    void scalarsAndContainersUsePythonSpellings() {
        assertThat(PyText.str(Json.parse("true"))).isEqualTo("True");
        assertThat(PyText.str(Json.parse("null"))).isEqualTo("None");
        assertThat(PyText.str(Json.parse("12345678901234567890"))).isEqualTo("12345678901234567890");
        assertThat(PyText.str(Json.parse("[1, 'a', false, null, {'k': [2.0]}]")))
                .isEqualTo("[1, 'a', False, None, {'k': [2.0]}]");
    }

    @Test
    void stringReprPicksQuotesAndEscapesLikePython() {
        assertThat(PyText.repr(Json.parse("\"it's\""))).isEqualTo("\"it's\"");
        assertThat(PyText.repr(Json.parse("\"both ' and \\\"\""))).isEqualTo("'both \\' and \"'");
        assertThat(PyText.repr(Json.parse("\"tab\\there\\nback\\\\slash\""))).isEqualTo("'tab\\there\\nback\\\\slash'");
        assertThat(PyText.repr(Json.parse("\"caf\u00e9 \\u0001 \\u00a0 \\u200b\""))).isEqualTo("'caf\u00e9 \\x01 \\xa0 \\u200b'");
    }

    @Test
    void jsonEscapesLikeJsonDumpsWithEnsureAscii() {
        assertThat(PyJson.quote("a/b \"q\" \\ \u00e9 \u007f \u0001 \n\t\b\f\r \uD83D\uDE00"))
                .isEqualTo("\"a/b \\\"q\\\" \\\\ \\u00e9 \\u007f \\u0001 \\n\\t\\b\\f\\r \\ud83d\\ude00\"");
    }

    @Test
    void compactJsonHasNoSpacesAndKeepsKeyOrder() {
        assertThat(PyJson.compact(Json.parse("{'b': [1, {}], 'a': {'x': null, 'y': []}, 'f': 1e20}")))
                .isEqualTo("{\"b\":[1,{}],\"a\":{\"x\":null,\"y\":[]},\"f\":1e+20}");
    }

    @Test
    void prettyJsonSortsKeysAndIndentsByTwo() {
        assertThat(PyJson.pretty(Json.parse("{'b': [1, {'d': 2, 'c': []}], 'a': {}}"))).isEqualTo("""
                {
                  "a": {},
                  "b": [
                    1,
                    {
                      "c": [],
                      "d": 2
                    }
                  ]
                }""");
    }
}
