import Foundation
@testable import SwitchyardGateway
import XCTest

/// `JSONReader` against `JSONSerialization` on the request corpora, fixed documents and their mutations:
/// whatever the fast reader reads, `JSONSerialization` reads too, to the same value of the same types.
final class JSONReaderDifferentialTests: XCTestCase {
    func testFastReaderAgreesWithJSONSerializationOnMutatedRequests() throws {
        var read = 0
        for corpus in ["inference", "openai"] {
            try FuzzCampaign(name: "JSON reader (\(corpus))", corpusFolder: corpus, mutator: .json, count: 3_000).run { bytes in
                guard let fast = JSONReader.fastValue(bytes) else { return nil }
                read += 1
                return Self.disagreement(fast, bytes)
            }
        }
        // The corpus itself and a share of its mutations are valid JSON the fast reader must take.
        XCTAssertGreaterThan(read, 100)
    }

    func testFastReaderAgreesWithJSONSerializationOnEveryKindOfValue() throws {
        let documents = [
            #"{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":false,"n":1}"#,
            #"[1, -2, 0, -0, 3.25, -1.5e3, 2e-2, 1.5e+2, 123456789012345678, -123456789012345678, 123456789012345.5, true, false, null, "", {}, []]"#,
            #"{"escapes":"\"\\\/\b\f\n\r\t\u0000\u00e9\u20ac\ud83d\ude00 é ok","key with \u00e9":{"nested":[[{}]]}}"#,
            " \t\r\n{ \"a\" : [ 1 , { \"b\" : null } ] } \n",
            #""a fragment""#, "0", "-0.0", "true", "null",
        ]
        for document in documents {
            let bytes = Array(document.utf8)
            let fast = try XCTUnwrap(JSONReader.fastValue(bytes), document)
            XCTAssertNil(Self.disagreement(fast, bytes), document)
        }
    }

    /// Why `fast` is not what `JSONSerialization` reads from `bytes`, or `nil` when it is.
    private static func disagreement(_ fast: Any, _ bytes: [UInt8]) -> String? {
        guard let expected = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
            return "JSONReader read a document JSONSerialization refuses: \(fast)"
        }
        return JSONEquivalence.same(fast, expected) ? nil : "JSONReader read \(fast), JSONSerialization \(expected)"
    }
}
