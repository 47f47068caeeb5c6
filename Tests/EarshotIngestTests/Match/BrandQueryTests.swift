import Testing
@testable import EarshotIngest

/// How `query:` text is parsed: precedence, implicit AND, and the errors a config author sees.
struct BrandQueryTests {
    @Test(arguments: [
        ("pinvale", "pinvale"),
        ("\"pin  vale\"", "\"pin vale\""),
        ("pinvale refund", "(pinvale AND refund)"),  // implicit AND
        ("pinvale AND refund OR lumio", "((pinvale AND refund) OR lumio)"),
        ("pinvale OR refund AND lumio", "(pinvale OR (refund AND lumio))"),
        ("pinvale refund OR lumio", "((pinvale AND refund) OR lumio)"),
        ("a AND NOT b", "(a AND NOT b)"),
        ("NOT NOT a", "NOT NOT a"),
        ("a NEAR/3 b AND c", "((a NEAR/3 b) AND c)"),
        ("a NEAR/3 b OR c", "((a NEAR/3 b) OR c)"),
        ("a NEAR/2 b NEAR/4 c", "((a NEAR/2 b) NEAR/4 c)"),
        ("pinvale NEAR/5 (refund OR support)", "(pinvale NEAR/5 (refund OR support))"),
        ("(pinvale OR \"pin vale\") AND NOT (bowling OR \"ten pin\") ", "((pinvale OR \"pin vale\") AND NOT (bowling OR \"ten pin\"))"),
        ("((a))", "a"),
        ("品维 AND 客服", "(品维 AND 客服)"),
        ("and or not near/5", "(and AND or AND not AND near/5)"),  // operators are written in capitals
        ("\"AND\" lumio", "(AND AND lumio)"),
    ])
    func parsesWithPrecedenceNotNearAndOr(_ text: String, _ expected: String) throws {
        #expect(try BrandQuery(parsing: text).description == expected)
    }

    @Test(arguments: [
        ("", 1, "the query is empty"),
        ("   ", 1, "the query is empty"),
        ("(pinvale OR lumio", 18, "expected ')' to close the '(' at column 1"),
        ("(pinvale OR (lumio AND x)", 26, "expected ')' to close the '(' at column 1"),
        ("pinvale)", 8, "unexpected ')' with no '(' before it"),
        ("pinvale AND", 12, "expected a word, a quoted phrase or '(' after AND, but the query ends"),
        ("pinvale OR OR lumio", 12, "expected a word, a quoted phrase or '(' after OR, found OR"),
        ("AND pinvale", 1, "expected a word, a quoted phrase or '(', found AND"),
        ("()", 2, "expected a word, a quoted phrase or '(', found ')'"),
        ("pinvale \"refund", 9, "this '\"' is never closed"),
        ("pinvale \"  \"", 9, "empty quoted phrase"),
        ("pinvale NEAR refund", 9, "expected NEAR/n with n a whole number of words from 1 to 100"),
        ("pinvale NEAR/0 refund", 9, "expected NEAR/n"),
        ("pinvale NEAR/x refund", 9, "expected NEAR/n"),
        ("pinvale NEAR/101 refund", 9, "expected NEAR/n"),
        ("pinvale NEAR/3 NOT refund", 16, "NEAR/3 needs a word, a quoted phrase or an OR group on its right"),
        ("(a AND b) NEAR/3 c", 1, "NEAR/3 needs a word, a quoted phrase or an OR group on its left"),
        ("NOT bowling", 1, "this query matches texts that contain none of its terms"),
        ("pinvale OR NOT bowling", 1, "this query matches texts that contain none of its terms"),
        ("品维 (客服", 7, "expected ')' to close the '(' at column 4"),  // columns count characters, not bytes
    ])
    func errorsNameTheColumnAndWhatWasExpected(_ text: String, _ column: Int, _ message: String) {
        #expect {
            _ = try BrandQuery(parsing: text)
        } throws: { error in
            guard let error = error as? BrandQuery.SyntaxError else { return false }
            return error.column == column && error.message.hasPrefix(message)
        }
    }

    @Test func syntaxErrorReadsColumnThenMessage() {
        let error = BrandQuery.SyntaxError(column: 14, message: "expected ')'")
        #expect(error.description == "column 14: expected ')'")
    }

    @Test(arguments: [("TNG", true), ("AT&T", true), ("PVL2", true), ("Tng", false), ("tng", false), ("X", false),
                      ("品维", false), ("Pinvale app", false), ("3M", false)])
    func acronymsAreTermsInCapitalsOnly(_ text: String, _ isAcronym: Bool) {
        #expect(BrandQuery.isAcronym(text) == isAcronym)
    }
}
