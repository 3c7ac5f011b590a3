import Crypto
import XCTest
@testable import SwitchyardEngine

/// The per-episode draw (reference §3.3): `u32_be(SHA256(function_name ‖ episode_id bytes)[0..4]) / 2^32`.
/// Every expected word below was computed with Python's hashlib, not with the code under test.
final class EpisodeDrawTests: XCTestCase {
    private let sample = "0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e"

    private func assertDraw(_ function: String, _ episode: String, word: UInt32, file: StaticString = #filePath, line: UInt = #line) {
        let u = EpisodeDraw.uniformValue(functionName: function, episode: EpisodeID(string: episode)!)
        XCTAssertEqual(u, Double(word) / 4_294_967_296.0, "draw for \(function) / \(episode)", file: file, line: line)
    }

    func testMatchesIndependentlyComputedValues() {
        assertDraw("f", sample, word: 904_926_303)
        assertDraw("generate_haiku", sample, word: 1_942_505_138)
        assertDraw("tensorzero::default", sample, word: 3_526_268_824)
        assertDraw("f", "00000000-0000-7000-8000-000000000000", word: 102_827_946)
        assertDraw("f", "00000000-0000-7000-8000-000000000002", word: 4_118_725_042)
        assertDraw("generate_haiku", "00000000-0000-7000-8000-000000000003", word: 3_378_664_534)
    }

    func testHashesTheNameAsUTF8() {
        assertDraw("é-fn", sample, word: 377_010_986)
        assertDraw("", sample, word: 1_506_694_052)
    }

    func testNamesLongerThanOneHashBlock() {
        assertDraw("a_function_name_longer_than_sixty_four_bytes_to_cross_a_sha256_block", sample, word: 321_936_696)
    }

    func testEpisodeBytesAreHashedBigEndianHighHalfFirst() {
        assertDraw("f", "ffffffff-ffff-ffff-ffff-ffffffffffff", word: 4_060_042_569)
        assertDraw("f", "00000000-0000-0000-0000-000000000000", word: 936_954_986)
        // The same id built from its halves draws the same value.
        let halves = EpisodeID(high: 0x0196_F0C4_5A4E_7C3B, low: 0x9D2E_1F0A_2B3C_4D5E)
        XCTAssertEqual(EpisodeDraw.uniformValue(functionName: "f", episode: halves), 904_926_303 / 4_294_967_296.0)
    }

    func testTheTestEpisodesHaveTheDocumentedDraws() {
        let expected: [(EpisodeID, UInt32)] = [
            (Episodes.u024, 102_827_946), (Episodes.u361, 1_550_663_432), (Episodes.u488, 2_094_761_711),
            (Episodes.u625, 2_683_188_356), (Episodes.u817, 3_507_293_497), (Episodes.u959, 4_118_725_042),
            (Episodes.u990, 4_253_960_715),
        ]
        for (episode, word) in expected {
            XCTAssertEqual(EpisodeDraw.uniformValue(functionName: "f", episode: episode), Double(word) / 4_294_967_296.0, "\(episode)")
        }
    }

    func testValuesStayInTheUnitInterval() {
        for n in 0..<500 {
            let u = EpisodeDraw.uniformValue(functionName: "f\(n)", episode: EpisodeID(high: UInt64(n) &* 0x9E37_79B9_7F4A_7C15, low: UInt64(n)))
            XCTAssertGreaterThanOrEqual(u, 0)
            XCTAssertLessThan(u, 1)
        }
    }

    /// Where swift-crypto's BoringSSL can be called directly the draw hashes in one call; it must agree with
    /// `Crypto.SHA256` on names of every length around the block boundaries.
    func testAgreesWithSwiftCryptosSHA256() {
        var state: UInt64 = 0x5EED
        for length in 0..<140 {
            let name = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + ($0 * 7 + length) % 26))) })
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let episode = EpisodeID(high: state, low: state.byteSwapped ^ UInt64(length))
            let digest = Array(SHA256.hash(data: Array(name.utf8) + episode.bytes))
            let word = digest[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            XCTAssertEqual(EpisodeDraw.uniformValue(functionName: name, episode: episode), Double(word) / 4_294_967_296.0, "name of \(length) bytes")
        }
    }
}
