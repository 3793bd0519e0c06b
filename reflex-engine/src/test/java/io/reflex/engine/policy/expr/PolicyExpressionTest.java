package io.reflex.engine.policy.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyExpressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A request as the engine builds it for a policy check. */
    private static ExpressionContext.Builder request() {
        return ExpressionContext.builder()
                .tokenNbr(42)
                .tokenName("amy-pond")
                .ip("10.0.3.7")
                .httpHeaders(Map.of("user-agent", "curl/8", "x-forwarded-for", "10.0.3.7"))
                .groups(Map.of(
                        "dev-team", List.of("amy-pond", "rory"),
                        "svc-bct-prd", List.of("bct-deployer"),
                        "svc-x-prd", List.of("xbot"),
                        "svc-x-nonprd", List.of("amy-pond")))
                .action("read")
                .sensitive(false)
                .objType("Config")
                .obj(json("{\"id\": 7, \"name\": \"bct-tst\", \"service\": \"x-api\", \"tags\": [\"a\", \"b\"]}"));
    }

    private static boolean eval(String expression, ExpressionContext context) {
        return PolicyExpression.compile(expression).test(context);
    }

    private static boolean eval(String expression) {
        return eval(expression, request().build());
    }

    @Nested
    class ReferenceExamples {

        @Test
        void masterPolicyMatchesOnlyMaster() {
            assertThat(eval("token_name == \"master\"", request().tokenName("master").build())).isTrue();
            assertThat(eval("token_name == \"master\"")).isFalse();
        }

        @Test
        void rxSearchesTheIpWithARawPattern() {
            assertThat(eval("rx(r'^10\\.0', ip)")).isTrue();
            assertThat(eval("rx(r'^10\\.0', ip)", request().ip("10.1.0.1").build())).isFalse();
        }

        @Test
        void groupMembershipThroughUnderscoreAlias() {
            assertThat(eval("token_name in groups.dev_team")).isTrue();
            assertThat(eval("token_name in groups.dev_team", request().tokenName("clara").build())).isFalse();
        }

        @Test
        void combinedGroupSensitiveAndIp() {
            String expression = "token_name in groups.dev_team and sensitive == True and rx(r'^10\\.0', ip)";
            assertThat(eval(expression, request().sensitive(true).build())).isTrue();
            assertThat(eval(expression, request().sensitive(false).build())).isFalse();
            assertThat(eval(expression, request().sensitive(true).ip("192.168.0.1").build())).isFalse();
        }

        @Test
        void groupWithDashesBySubscript() {
            assertThat(eval("token_name in groups['svc-bct-prd']", request().tokenName("bct-deployer").build())).isTrue();
            assertThat(eval("token_name in groups['svc-bct-prd']")).isFalse();
        }

        @Test
        void nameWithoutSpacesAroundOperators() {
            assertThat(eval("token_name==\"amy-pond\" and sensitive==False")).isTrue();
            assertThat(eval("token_name==\"amy-pond\" and sensitive==False", request().sensitive(true).build())).isFalse();
        }

        @Test
        void notSensitiveAndEitherGroup() {
            String expression =
                    "not sensitive and (token_name in groups['svc-x-prd'] or token_name in groups['svc-x-nonprd'])";
            assertThat(eval(expression)).isTrue();
            assertThat(eval(expression, request().tokenName("xbot").build())).isTrue();
            assertThat(eval(expression, request().tokenName("clara").build())).isFalse();
            assertThat(eval(expression, request().sensitive(true).build())).isFalse();
        }

        @Test
        void writePolicyOnInstancesSlicesTheService() {
            String expression = "(token_name in groups['svc-x-prd']) and obj['service'][:1] == 'x'";
            assertThat(eval(expression, request().tokenName("xbot").build())).isTrue();
            assertThat(eval(expression, request().tokenName("xbot").obj(json("{\"service\": \"y-api\"}")).build()))
                    .isFalse();
        }

        @Test
        void scopeTrueMatchesEverything() {
            assertThat(eval("True", ExpressionContext.builder().build())).isTrue();
        }

        @Test
        void scopeOnObjectType() {
            assertThat(eval("obj_type == \"Config\"")).isTrue();
            assertThat(eval("obj_type == \"Config\"", request().objType("Grp").build())).isFalse();
        }

        @Test
        void scopeOnNamePrefixBySlice() {
            ExpressionContext res = scope("Config", "{\"id\": 3, \"name\": \"res-db\"}");
            assertThat(eval("obj['name'][:3] == \"res\"", res)).isTrue();
            assertThat(eval("obj['name'][:3] == \"res\"", scope("Config", "{\"id\": 4, \"name\": \"re\"}"))).isFalse();
        }

        @Test
        void scopeWithReMatch() {
            String expression = "obj_type == \"Config\" and re.match(r\"^bct-\", obj[\"name\"])";
            assertThat(eval(expression, scope("Config", "{\"name\": \"bct-tst\"}"))).isTrue();
            assertThat(eval(expression, scope("Config", "{\"name\": \"x-bct-tst\"}"))).isFalse();
            assertThat(eval(expression, scope("Service", "{\"name\": \"bct-tst\"}"))).isFalse();
        }

        @Test
        void scopeOnTupleOfTypesAndNamePattern() {
            String expression = "obj_type in ('Config', 'Pipeline', 'Service') and "
                    + "rx(r'^x(-[a-z]+)?(-[p][0-9])?$', obj['name'])";
            assertThat(eval(expression, scope("Pipeline", "{\"name\": \"x-api-p1\"}"))).isTrue();
            assertThat(eval(expression, scope("Service", "{\"name\": \"x\"}"))).isTrue();
            assertThat(eval(expression, scope("Service", "{\"name\": \"x-api-q1\"}"))).isFalse();
            assertThat(eval(expression, scope("Instance", "{\"name\": \"x\"}"))).isFalse();
        }

        @Test
        void substringInOnParenthesisedString() {
            assertThat(eval("obj_type in ('Instance')", scope("Instance", "{}"))).isTrue();
            // ('Instance') is a string, so any substring of it matches, as in the original
            assertThat(eval("obj_type in ('Instance')", scope("Inst", "{}"))).isTrue();
            assertThat(eval("obj_type in ('Instance',)", scope("Inst", "{}"))).isFalse();
            assertThat(eval("obj_type in ('Instance')", scope("Config", "{}"))).isFalse();
        }

        @Test
        void passwordPolicyIsFalseWithoutHeader() {
            assertThat(eval("token_name==\"amy-pond\" and pwin(http_headers, \"da-codes\")")).isFalse();
        }

        private static ExpressionContext scope(String type, String obj) {
            return ExpressionContext.builder().objType(type).obj(json(obj)).build();
        }
    }

    @Nested
    class Truthiness {

        @ParameterizedTest
        @ValueSource(strings = {"''", "0", "0.0", "None", "[]", "()", "False", "obj['empty']", "obj['zero']", "obj['nothing']"})
        void falsyValuesAreFalse(String expression) {
            ExpressionContext context = request().obj(json("{\"empty\": {}, \"zero\": 0, \"nothing\": null}")).build();
            assertThat(eval(expression, context)).isFalse();
            assertThat(eval("not " + expression, context)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"'x'", "1", "-1", "0.5", "[0]", "(None,)", "True", "obj", "groups", "re.match('a', 'a')"})
        void truthyValuesAreTrue(String expression) {
            assertThat(eval(expression)).isTrue();
            assertThat(eval("not " + expression)).isFalse();
        }

        @Test
        void orReturnsAnOperandAsPythonDoes() {
            assertThat(eval("(obj.get('missing') or 'fallback') == 'fallback'")).isTrue();
            assertThat(eval("(obj['name'] or 'fallback') == 'bct-tst'")).isTrue();
            assertThat(eval("('' and 'x') == ''")).isTrue();
            assertThat(eval("('a' and 'b') == 'b'")).isTrue();
        }

        @Test
        void andShortCircuitsBeforeAnError() {
            assertThat(eval("False and obj['missing'] == 1")).isFalse();
            assertThat(eval("True or obj['missing'] == 1")).isTrue();
        }

        @Test
        void errorUnderNotStaysFalse() {
            // CEL's && would absorb the error here and make the whole expression true
            assertThat(eval("not (obj['missing'] == 1 and False)")).isFalse();
            assertThat(eval("not (False or obj['missing'] == 1)")).isFalse();
        }

        @Test
        void trueAndFalseNamesAreBooleans() {
            assertThat(eval("true")).isTrue();
            assertThat(eval("false")).isFalse();
            assertThat(eval("sensitive == false")).isTrue();
        }
    }

    @Nested
    class Membership {

        @Test
        void substringInString() {
            assertThat(eval("'pond' in token_name")).isTrue();
            assertThat(eval("'rory' in token_name")).isFalse();
            assertThat(eval("'rory' not in token_name")).isTrue();
        }

        @Test
        void elementInList() {
            assertThat(eval("'a' in obj['tags']")).isTrue();
            assertThat(eval("'c' in obj['tags']")).isFalse();
            assertThat(eval("1 in [1.0, 2]")).isTrue();
        }

        @Test
        void keyInDict() {
            assertThat(eval("'name' in obj")).isTrue();
            assertThat(eval("'bct-tst' in obj")).isFalse();
            assertThat(eval("'svc-x-prd' in groups")).isTrue();
            assertThat(eval("'svc_x_prd' in groups")).isTrue();
        }

        @Test
        void attributesInsideListDisplaysCompareByValue() {
            assertThat(eval("obj in [obj]")).isTrue();
            assertThat(eval("groups['dev-team'] in (None, groups.dev_team)")).isTrue();
            assertThat(eval("(token_name, ip) == ('amy-pond', '10.0.3.7')")).isTrue();
            assertThat(eval("[obj['tags'], 1][0] == ['a', 'b']")).isTrue();
        }

        @Test
        void nonStringInStringIsATypeError() {
            assertThat(eval("1 in 'a1'")).isFalse();
            assertThat(eval("not (1 in 'a1')")).isFalse();
        }

        @Test
        void inNoneIsATypeError() {
            assertThat(eval("'a' in None")).isFalse();
            assertThat(eval("'a' not in None")).isFalse();
        }
    }

    @Nested
    class Slices {

        @ParameterizedTest
        @ValueSource(strings = {
            "obj['name'][:3] == 'bct'",
            "obj['name'][4:] == 'tst'",
            "obj['name'][-3:] == 'tst'",
            "obj['name'][:-4] == 'bct'",
            "obj['name'][::2] == 'bttt'",
            "obj['name'][::-1] == 'tst-tcb'",
            "obj['name'][100:] == ''",
            "obj['name'][-100:3] == 'bct'",
            "obj['tags'][:1] == ['a']",
            "obj['tags'][::-1] == ['b', 'a']",
            "obj['name'][0] == 'b'",
            "obj['name'][-1] == 't'",
            "obj['tags'][-1] == 'b'",
            "'h\u00e9llo'[1:2] == '\u00e9'",
            "'\ud83d\ude00x'[1] == 'x'"
        })
        void slicesFollowPython(String expression) {
            assertThat(eval(expression)).isTrue();
        }

        @Test
        void zeroStepIsAnError() {
            assertThat(eval("obj['name'][::0] == ''")).isFalse();
        }

        @Test
        void indexOutOfRangeIsFalse() {
            assertThat(eval("obj['name'][99] == 'x'")).isFalse();
            assertThat(eval("not obj['name'][99] == 'x'")).isFalse();
        }

        @Test
        void slicingNoneIsFalse() {
            assertThat(eval("obj[:3] == 'x'", request().obj(null).build())).isFalse();
        }
    }

    @Nested
    class Comparisons {

        @ParameterizedTest
        @ValueSource(strings = {
            "1 < 2 < 3",
            "0 <= token_nbr <= 42",
            "not (1 < 3 < 2)",
            "'a' < 'b' <= 'b' != 'c'",
            "token_nbr == 42.0",
            "True == 1",
            "[1, 2] < [1, 3]",
            "1 + 2 == 3",
            "'a' + 'b' == 'ab'",
            "5 - 7 == -2",
            "-token_nbr == -42",
            "None is None",
            "obj is not None",
            "sensitive is False",
            "2 > 1.5",
            "'b' > 'a'",
            "0x10 == 16 and 0o10 == 8 and 0b10 == 2 and 1_000 == 1000",
            "1e3 == 1000"
        })
        void comparisonsFollowPython(String expression) {
            assertThat(eval(expression)).isTrue();
        }

        @Test
        void chainStopsAtFirstFalse() {
            assertThat(eval("3 < 2 < obj['missing']")).isFalse();
            assertThat(eval("not (3 < 2 < obj['missing'])")).isTrue();
        }

        @Test
        void orderingAcrossTypesIsATypeError() {
            assertThat(eval("'a' < 1")).isFalse();
            assertThat(eval("not ('a' < 1)")).isFalse();
            assertThat(eval("None < 1")).isFalse();
        }

        @Test
        void equalityAcrossTypesIsFalseNotAnError() {
            assertThat(eval("'1' == 1")).isFalse();
            assertThat(eval("'1' != 1")).isTrue();
            assertThat(eval("None == 0")).isFalse();
        }
    }

    @Nested
    class Regex {

        @Test
        void rxSearchesAnywhere() {
            assertThat(eval("rx('pond', token_name)")).isTrue();
            assertThat(eval("rx('^pond', token_name)")).isFalse();
        }

        @Test
        void reMatchIsAnchoredAtStartOnly() {
            assertThat(eval("re.match('amy', token_name)")).isTrue();
            assertThat(eval("re.match('pond', token_name)")).isFalse();
            assertThat(eval("re.search('pond', token_name)")).isTrue();
            assertThat(eval("re.fullmatch('amy', token_name)")).isFalse();
            assertThat(eval("re.fullmatch('amy-pond', token_name)")).isTrue();
        }

        @Test
        void noMatchIsNone() {
            assertThat(eval("rx('zzz', token_name) is None")).isTrue();
            assertThat(eval("rx('amy', token_name) is not None")).isTrue();
        }

        @Test
        void namedGroupsUsePythonSyntax() {
            assertThat(eval("re.match(r'(?P<first_name>[a-z]+)-(?P<last>\\w+)', token_name).group('first_name') == 'amy'"))
                    .isTrue();
            assertThat(eval("re.match(r'(?P<c>o)n(?P=c)?', 'ono').group(0) == 'ono'")).isTrue();
            assertThat(eval("re.match(r'(a)(b)?', 'a').groups() == ['a', None]")).isTrue();
        }

        @Test
        void flagsAndPythonOnlySyntax() {
            assertThat(eval("re.match('AMY', token_name, re.I)")).isTrue();
            assertThat(eval("re.match('AMY', token_name)")).isFalse();
            assertThat(eval("re.search('^POND', 'amy\\npond', re.I + re.M)")).isTrue();
            assertThat(eval("re.search(r'pond\\Z', token_name)")).isTrue();
            assertThat(eval("re.search(r'[[]x', 'a[x')")).isTrue();
            assertThat(eval("re.search(r'a{,2}b', 'aab')")).isTrue();
            assertThat(eval("re.search(r'{x}', 'a{x}')")).isTrue();
            assertThat(eval("re.search(r'[]a]', ']')")).isTrue();
            assertThat(eval("re.search(r'a(?#note)b', 'ab')")).isTrue();
            assertThat(eval("re.search(r'\\d', '\u0663')")).isTrue();
            assertThat(eval("re.search(r'\\d', '\u0663', re.A)")).isFalse();
        }

        @Test
        void nonRawStringKeepsUnknownEscapes() {
            assertThat(eval("rx('^10\\.0', ip)")).isTrue();
            assertThat(eval("rx('^10\\.0', '1000')")).isFalse();
        }

        @Test
        void regexStackOverflowIsFalse() {
            ExpressionContext longIp = request().ip("ab".repeat(200_000)).build();
            assertThat(eval("rx(r'^(a|b)*$', ip)", longIp)).isFalse();
        }

        @Test
        void badPatternOrNonStringSubjectIsFalse() {
            assertThat(eval("rx('(', token_name)")).isFalse();
            assertThat(eval("rx('1', token_nbr)")).isFalse();
            assertThat(eval("rx('a', obj['nothing'])", request().obj(json("{\"nothing\": null}")).build())).isFalse();
        }
    }

    @Nested
    class Attributes {

        @Test
        void headersAreTitleCasedWithUnderscoreAliases() {
            ExpressionContext context = request().httpHeaders(Map.of("x-apitoken", "t", "USER-AGENT", "curl")).build();
            assertThat(eval("http_headers['X-Apitoken'] == 't'", context)).isTrue();
            assertThat(eval("http_headers.X_Apitoken == 't'", context)).isTrue();
            assertThat(eval("http_headers.get('User-Agent') == 'curl'", context)).isTrue();
            assertThat(eval("'x-apitoken' in http_headers", context)).isFalse();
        }

        @Test
        void groupWithDashIsReachableByBothSpellings() {
            assertThat(eval("groups['dev-team'] == groups.dev_team")).isTrue();
            assertThat(eval("groups['dev_team'] == ['amy-pond', 'rory']")).isTrue();
        }

        @Test
        void realKeyWinsOverAlias() {
            ExpressionContext context = request()
                    .groups(Map.of("a-b", List.of("dashed"), "a_b", List.of("underscored")))
                    .build();
            assertThat(eval("groups.a_b == ['underscored']", context)).isTrue();
            assertThat(eval("groups['a-b'] == ['dashed']", context)).isTrue();
        }

        @Test
        void objNullIsNone() {
            ExpressionContext context = request().obj(null).build();
            assertThat(eval("obj is None", context)).isTrue();
            assertThat(eval("obj == None", context)).isTrue();
            assertThat(eval("not obj", context)).isTrue();
            assertThat(eval("obj['name'] == 'x'", context)).isFalse();
            assertThat(eval("not obj['name'] == 'x'", context)).isFalse();
        }

        @Test
        void objAttributeAccessFailsAsInTheOriginal() {
            assertThat(eval("rx('-tst', obj.name)")).isFalse();
            assertThat(eval("not obj.name")).isFalse();
            assertThat(eval("rx('-tst', obj['name'])")).isTrue();
        }

        @Test
        void commandLineFiltersMayReadObjAttributes() {
            ObjectNode obj = JsonNodeFactory.instance.objectNode().put("name", "web-tst").put("lane", "tst");
            ExpressionContext context = ExpressionContext.builder().obj(obj).build();
            assertThat(PolicyExpression.compileFilter("obj.lane == 'tst' and obj.name.startswith('web')").test(context)).isTrue();
            assertThat(PolicyExpression.compile("obj.lane == 'tst'").test(context)).isFalse();
        }

        @Test
        void jsonValuesKeepTheirPythonTypes() {
            ExpressionContext context = request()
                    .obj(json("{\"n\": 3, \"f\": 1.5, \"b\": true, \"l\": [1, \"x\"], \"d\": {\"k\": null}}"))
                    .build();
            assertThat(eval("obj['n'] == 3 and obj['f'] == 1.5 and obj['b'] is True", context)).isTrue();
            assertThat(eval("obj['l'] == [1, 'x'] and obj['d']['k'] is None", context)).isTrue();
            assertThat(eval("obj['n'] == '3'", context)).isFalse();
        }

        @Test
        void tokenNumberActionAndConstantAttributes() {
            assertThat(eval("token_nbr == 42 and action == 'read' and cert_cn == '' and user_name == ''")).isTrue();
        }

        @Test
        void undefinedAttributeIsFalse() {
            ExpressionContext scopeContext = ExpressionContext.builder().objType("Config").obj(json("{}")).build();
            assertThat(eval("token_name == ''", scopeContext)).isFalse();
            assertThat(eval("not groups", scopeContext)).isFalse();
            assertThat(eval("obj_type == 'Config'", scopeContext)).isTrue();
        }

        @Test
        void stringAndDictMethods() {
            assertThat(eval("token_name.startswith('amy')")).isTrue();
            assertThat(eval("token_name.startswith(('x', 'amy'))")).isTrue();
            assertThat(eval("token_name.endswith('amy')")).isFalse();
            assertThat(eval("token_name.upper() == 'AMY-POND'")).isTrue();
            assertThat(eval("'  a b '.strip() == 'a b'")).isTrue();
            assertThat(eval("'a,b,,c'.split(',') == ['a', 'b', '', 'c']")).isTrue();
            assertThat(eval("' a  b '.split() == ['a', 'b']")).isTrue();
            assertThat(eval("' a b  c '.split(None, 1) == ['a', 'b  c ']")).isTrue();
            assertThat(eval("'a-b-c'.split('-', 1) == ['a', 'b-c']")).isTrue();
            assertThat(eval("token_name.find('pond') == 4")).isTrue();
            assertThat(eval("'-'.join(['a', 'b']) == 'a-b'")).isTrue();
            assertThat(eval("obj.get('missing') is None")).isTrue();
            assertThat(eval("obj.get('missing', 5) == 5")).isTrue();
            assertThat(eval("'name' in obj.keys()")).isTrue();
            assertThat(eval("obj.keys() == ['id', 'name', 'service', 'tags']")).isTrue();
            assertThat(eval("obj['tags'].count('a') == 1")).isTrue();
        }

        @Test
        void unknownMethodIsFalse() {
            assertThat(eval("token_name.swapcase() == 'x'")).isFalse();
            assertThat(eval("not token_name.swapcase()")).isFalse();
        }

        @Test
        void debugLogsAndReturnsNone() {
            assertThat(eval("debug(token_name, ip) or True")).isTrue();
            assertThat(eval("debug('x') is None")).isTrue();
        }
    }

    @Nested
    class Errors {

        @Test
        void missingKeyIsFalse() {
            assertThat(eval("obj['missing'] == 'x'")).isFalse();
            assertThat(eval("obj['missing'] != 'x'")).isFalse();
            assertThat(eval("groups['no-such-group']")).isFalse();
            assertThat(eval("token_name in groups.no_such_group")).isFalse();
        }

        @Test
        void unknownNameIsFalse() {
            assertThat(eval("tokn_name == 'amy-pond'")).isFalse();
            assertThat(eval("not tokn_name")).isFalse();
            assertThat(eval("__import__('os')")).isFalse();
            assertThat(eval("len(token_name) > 0")).isFalse();
        }

        @Test
        void typeErrorIsFalse() {
            assertThat(eval("token_name + 1 == 'x'")).isFalse();
            assertThat(eval("token_nbr[0] == 4")).isFalse();
            assertThat(eval("token_name()")).isFalse();
            assertThat(eval("rx('a')")).isFalse();
            assertThat(eval("re.sub('a', 'b', token_name) == 'x'")).isFalse();
        }

        @Test
        void errorIsFinalEvenWhenLaterOperandsSucceed() {
            // Python stops at the KeyError; what the rest would have computed does not matter
            assertThat(eval("obj['missing'] == 1 or True")).isFalse();
            assertThat(eval("(obj.get('x') or obj['missing']) or token_name == 'amy-pond'")).isFalse();
        }

        @Test
        void errorDoesNotLeakIntoTheNextEvaluation() {
            ExpressionContext context = request().build();
            PolicyExpression failing = PolicyExpression.compile("obj['missing'] == 1");
            PolicyExpression passing = PolicyExpression.compile("token_name == 'amy-pond'");

            assertThat(failing.test(context)).isFalse();
            assertThat(passing.test(context)).isTrue();
        }

        @Test
        void testNeverThrowsEvenWithoutContext() {
            assertThat(PolicyExpression.compile("token_name == 'x'").test(null)).isFalse();
        }
    }

    @Nested
    class Compilation {

        @ParameterizedTest
        @ValueSource(strings = {"lambda x: x", "(LAMBDA y: 1)(2)", "token_name == 'lambda y'", "True or Lambda :1"})
        void lambdaIsRejected(String expression) {
            assertThatThrownBy(() -> PolicyExpression.compile(expression))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageStartingWith("lambda is not allowed\nCharacter ");
        }

        @Test
        void lambdaPositionIsReported() {
            assertThatThrownBy(() -> PolicyExpression.compile("True or (lambda x: x)"))
                    .hasMessage("lambda is not allowed\nCharacter 10: True or (lambda x: x)");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "token_name ==| unexpected EOF while parsing\\nCharacter 14: token_name ==",
            "token_name == == 'x'| invalid syntax\\nCharacter 15: token_name == == 'x'",
            "(token_name == 'x'| unexpected EOF while parsing\\nCharacter 19: (token_name == 'x'",
            "token_name = 'x'| invalid syntax\\nCharacter 12: token_name = 'x'",
            "'abc| EOL while scanning string literal\\nCharacter 5: 'abc",
            "a == not b| invalid syntax\\nCharacter 6: a == not b",
            "a b| invalid syntax\\nCharacter 3: a b",
            "token_nbr * 2| operator '*' is not supported\\nCharacter 11: token_nbr * 2",
            "x if y else z| conditional expressions (x if c else y) are not supported\\nCharacter 3: x if y else z",
            "[x for x in groups]| comprehensions are not supported\\nCharacter 4: [x for x in groups]",
            "{'a': 1}| dict and set literals are not supported\\nCharacter 1: {'a': 1}",
            "f(a=1)| keyword arguments are not supported\\nCharacter 3: f(a=1)",
            "01| invalid token\\nCharacter 1: 01",
            "$x| invalid syntax\\nCharacter 1: $x"
        })
        void syntaxErrorsCarryPythonStylePosition(String expression, String message) {
            assertThatThrownBy(() -> PolicyExpression.compile(expression))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessage(message.replace("\\n", "\n"));
        }

        @Test
        void longOrChainsCompileUntilCelNestingLimit() {
            String fifty = "token_name == 'amy-pond'" + " or token_name == 'x'".repeat(49);
            assertThat(eval(fifty)).isTrue();
            String tooMany = "token_name == 'x'" + " or token_name == 'x'".repeat(399);
            assertThatThrownBy(() -> PolicyExpression.compile(tooMany))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageStartingWith("expression is too complex: ")
                    .hasMessageContaining("\nCharacter 1: token_name == 'x' or");
        }

        @Test
        void deepNestingIsASyntaxErrorNotAStackOverflow() {
            assertThatThrownBy(() -> PolicyExpression.compile("(".repeat(500) + "True" + ")".repeat(500)))
                    .hasMessageStartingWith("expression is nested too deeply");
            assertThatThrownBy(() -> PolicyExpression.compile("not ".repeat(500) + "True"))
                    .hasMessageStartingWith("expression is nested too deeply");
        }

        @Test
        void secondLineErrorReportsThatLine() {
            assertThatThrownBy(() -> PolicyExpression.compile("(token_name == 'x' and\n  sensitive ==)"))
                    .hasMessage("invalid syntax\nCharacter 15:   sensitive ==)");
        }

        @Test
        void multiLineInsideBracketsAndCommentsParse() {
            assertThat(eval("(token_name == 'amy-pond'  # who\n and not sensitive)\n")).isTrue();
            assertThat(eval("token_name == \\\n 'amy-pond'")).isTrue();
        }

        @Test
        void newlineOutsideBracketsIsASyntaxError() {
            assertThatThrownBy(() -> PolicyExpression.compile("True\nFalse"))
                    .hasMessage("invalid syntax\nCharacter 1: False");
        }

        @Test
        void stringLiteralFormsDecode() {
            assertThat(eval("'a' 'b' == \"ab\"")).isTrue();
            assertThat(eval("r'\\d' == '\\\\d'")).isTrue();
            assertThat(eval("'\\x41\\u00e9\\n' == 'A\u00e9\\n'")).isTrue();
            assertThat(eval("u'x' == '''x'''")).isTrue();
        }

        @Test
        void translatesToCelOverPyFunctions() {
            assertThat(PolicyExpression.compile("token_name in groups.dev_team and not sensitive").cel())
                    .isEqualTo("(py_in(token_name, py_getattr(groups, \"dev_team\")) ? !py_truthy(sensitive) : false)");
        }

        @Test
        void sourceIsKeptVerbatim() {
            assertThat(PolicyExpression.compile(" token_name == 'x' ").source()).isEqualTo(" token_name == 'x' ");
        }
    }

    @Nested
    class NativeCel {

        @Test
        void celPrefixRunsNativeCel() {
            assertThat(eval("cel: token_name == 'amy-pond' && !sensitive")).isTrue();
            assertThat(eval("cel:obj.name.startsWith('bct') && 'amy-pond' in groups['dev-team']")).isTrue();
            assertThat(eval("cel: token_nbr > 100")).isFalse();
        }

        @Test
        void nativeCelHasStandardMacrosAndBind() {
            assertThat(eval("cel: obj.tags.exists(t, t == 'a') && has(obj.name)")).isTrue();
            assertThat(eval("cel: has(obj.owner)")).isFalse();
            assertThat(eval("cel: cel.bind(n, obj.name, n.matches('^bct-') && size(n) == 7)")).isTrue();
        }

        @Test
        void nativeCelCanUsePyFunctions() {
            assertThat(eval("cel: py_truthy(py_re_search('^10\\\\.', ip))")).isTrue();
        }

        @Test
        void nativeCelErrorsAreFalse() {
            assertThat(eval("cel: obj.missing == 'x'")).isFalse();
            assertThat(eval("cel: !(obj.missing == 'x')")).isFalse();
        }

        @Test
        void nativeCelSyntaxErrorPointsIntoSource() {
            assertThatThrownBy(() -> PolicyExpression.compile("cel: token_name ==="))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining("\nCharacter ")
                    .hasMessageEndingWith(": cel: token_name ===");
        }

        @Test
        void nativeCelMustProduceABool() {
            assertThatThrownBy(() -> PolicyExpression.compile("cel: 1 + 2"))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageStartingWith("a cel: expression must produce a bool");
        }

        @Test
        void nativeCelRejectsUndeclaredNames() {
            assertThatThrownBy(() -> PolicyExpression.compile("cel: tokn_name == 'x'"))
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining("undeclared reference to 'tokn_name'");
        }
    }
}
