import Foundation
import XCTest
@testable import SwitchyardEngine

/// Episode ids: parsing, byte order, text form and the UUIDv7 TensorZero generates when none is given.
final class EpisodeIDTests: XCTestCase {
    func testParsesTheCanonicalFormIntoBigEndianHalves() throws {
        let id = try XCTUnwrap(EpisodeID(string: "0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e"))
        XCTAssertEqual(id.high, 0x0196_F0C4_5A4E_7C3B)
        XCTAssertEqual(id.low, 0x9D2E_1F0A_2B3C_4D5E)
        XCTAssertEqual(id.bytes, [0x01, 0x96, 0xF0, 0xC4, 0x5A, 0x4E, 0x7C, 0x3B, 0x9D, 0x2E, 0x1F, 0x0A, 0x2B, 0x3C, 0x4D, 0x5E])
        XCTAssertEqual(id.version, 7)
    }

    func testRejectsTextThatIsNotAUUID() {
        XCTAssertNil(EpisodeID(string: "not-a-uuid"))
        XCTAssertNil(EpisodeID(string: ""))
    }

    func testDescriptionIsLowercaseCanonicalWithLeadingZeros() {
        XCTAssertEqual(EpisodeID(high: 0x0000_0001_0002_7003, low: 0x8000_0000_0000_000A).description, "00000001-0002-7003-8000-00000000000a")
        XCTAssertEqual(EpisodeID(string: "0196F0C4-5A4E-7C3B-9D2E-1F0A2B3C4D5E")?.description, "0196f0c4-5a4e-7c3b-9d2e-1f0a2b3c4d5e")
    }

    func testMatchesFoundationUUIDBytes() {
        let uuid = UUID(uuidString: "12345678-9abc-4def-8123-456789abcdef")!
        XCTAssertEqual(EpisodeID(uuid).description, uuid.uuidString.lowercased())
    }

    func testVersion7LaysOutTimestampVersionVariantAndRandomBits() {
        let id = EpisodeID.version7(milliseconds: 0x0196_F0C4_5A4E, random: 0xFFFF_FFFF_FFFF_FC3B, random2: 0xFFFF_1F0A_2B3C_4D5E)
        // 48-bit timestamp, version nibble 7, 12 random bits; variant bits 10, 62 random bits.
        XCTAssertEqual(id.high, 0x0196_F0C4_5A4E_7C3B)
        XCTAssertEqual(id.low, 0xBFFF_1F0A_2B3C_4D5E)
        XCTAssertEqual(id.version, 7)
        XCTAssertEqual(id.bytes[8] >> 6, 0b10)
        XCTAssertNotNil(UUID(uuidString: id.description))
    }
}
